<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi">
<context>
    <name />
    <message>
        <location filename="../../gui/app.py" line="83" />
        <source>dxscore cannot start</source>
        <translation>dxscore không khởi động được</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="95" />
        <source>Building the demo database…</source>
        <translation>Đang tạo cơ sở dữ liệu mẫu…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="43" />
        <source>Evidence — %1</source>
        <translation>Minh chứng — %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="48" />
        <source>Evidence attached</source>
        <translation>Minh chứng đã đính kèm</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="53" />
        <location filename="../../gui/editors.py" line="135" />
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="55" />
        <location filename="../../gui/dialogs.py" line="114" />
        <source>no file</source>
        <translation>chưa có tệp</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="56" />
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="59" />
        <location filename="../../gui/models.py" line="226" />
        <source>Document no.</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="59" />
        <location filename="../../gui/models.py" line="226" />
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="60" />
        <location filename="../../gui/models.py" line="226" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="66" />
        <location filename="../../gui/models.py" line="226" />
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="69" />
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="76" />
        <source>Expected: %1</source>
        <translation>Cần có: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="86" />
        <source>Evidence file</source>
        <translation>Tệp minh chứng</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="94" />
        <source>Give at least the document number and a summary.</source>
        <translation>Cần nhập ít nhất số văn bản và trích yếu.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="101" />
        <source>The date must be dd/mm/yyyy.</source>
        <translation>Ngày phải có dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="131" />
        <source>Not ready to submit</source>
        <translation>Chưa thể nộp</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="135" />
        <source>Missing items</source>
        <translation>Các mục còn thiếu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs.py" line="141" />
        <source>%n item(s) must be completed before submitting. Choose one to go to it.</source>
        <translation>
            <numerusform>Còn %n mục phải hoàn thành trước khi nộp. Chọn một mục để chuyển đến.</numerusform></translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="158" />
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="165" />
        <source>default: dxscore.sqlite in the data folder</source>
        <translation>mặc định: dxscore.sqlite trong thư mục dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="166" />
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="171" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="171" />
        <source>Your name (for the history)</source>
        <translation>Họ tên người nhập (ghi vào lịch sử)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="174" />
        <location filename="../../gui/dialogs.py" line="178" />
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="184" />
        <source>Language and database changes apply the next time dxscore starts.</source>
        <translation>Thay đổi ngôn ngữ và cơ sở dữ liệu có hiệu lực từ lần mở dxscore tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="188" />
        <source>Database file</source>
        <translation>Tệp cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="101" />
        <source>— not answered —</source>
        <translation>— chưa trả lời —</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="101" />
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="101" />
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="103" />
        <source>— not chosen —</source>
        <translation>— chưa chọn —</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="114" />
        <location filename="../../gui/editors.py" line="115" />
        <source>None of these</source>
        <translation>Không có mục nào</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="165" />
        <location filename="../../gui/editors.py" line="166" />
        <location filename="../../gui/dashboard/tables.py" line="121" />
        <source>Not applicable</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="169" />
        <location filename="../../gui/editors.py" line="170" />
        <source>Comment</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="173" />
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editors.py" line="285" />
        <source>Evidence (%n)</source>
        <translation>
            <numerusform>Minh chứng (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="285" />
        <source>Add evidence…</source>
        <translation>Thêm minh chứng…</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="276" />
        <source>Refused: %1</source>
        <translation>Không chấp nhận: %1</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="310" />
        <location filename="../../gui/models.py" line="183" />
        <source>not applicable</source>
        <translation>không áp dụng</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="312" />
        <source>%1 pts max, set by the appraisers</source>
        <translation>tối đa %1 điểm, do Hội đồng thẩm định chấm</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="314" />
        <source>&lt;b&gt;%1&lt;/b&gt; / %2 pts</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; / %2 điểm</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="23" />
        <source>Something went wrong. The details have been written to the log file.</source>
        <translation>Đã xảy ra lỗi. Chi tiết đã được ghi vào tệp nhật ký.</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="29" />
        <source>dxscore</source>
        <translation>dxscore</translation>
    </message>
    <message>
        <location filename="../../gui/form.py" line="39" />
        <source>Pillars</source>
        <translation>Nhóm chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/form.py" line="139" />
        <source>Total: &lt;b&gt;%1&lt;/b&gt; / %2 pts · Index: &lt;b&gt;%3&lt;/b&gt; · Band: &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>Tổng điểm: &lt;b&gt;%1&lt;/b&gt; / %2 · Chỉ số: &lt;b&gt;%3&lt;/b&gt; · Mức: &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="41" />
        <source>draft</source>
        <translation>đang nhập</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="42" />
        <source>submitted — read-only</source>
        <translation>đã nộp — chỉ xem</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="43" />
        <source>under review — read-only</source>
        <translation>đang thẩm định — chỉ xem</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="44" />
        <source>returned for correction</source>
        <translation>được trả lại để chỉnh sửa</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="45" />
        <source>resubmitted — read-only</source>
        <translation>đã nộp lại — chỉ xem</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="46" />
        <source>appraised — read-only</source>
        <translation>đã thẩm định — chỉ xem</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="47" />
        <source>locked — read-only</source>
        <translation>đã khóa — chỉ xem</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="63" />
        <source>dxscore — digital transformation assessment</source>
        <translation>dxscore — đánh giá chuyển đổi số</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="68" />
        <source>Choose a unit on the left.</source>
        <translation>Chọn một đơn vị ở danh sách bên trái.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="86" />
        <location filename="../../gui/main_window.py" line="103" />
        <location filename="../../gui/dashboard/view.py" line="91" />
        <location filename="../../gui/dashboard/view.py" line="111" />
        <source>Cycle</source>
        <translation>Chu kỳ</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="91" />
        <source>Find a unit (name or code)…</source>
        <translation>Tìm đơn vị (tên hoặc mã)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="92" />
        <source>Find a unit</source>
        <translation>Tìm đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="99" />
        <location filename="../../gui/main_window.py" line="107" />
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="117" />
        <source>DEMO DATA — not a real assessment</source>
        <translation>DỮ LIỆU MẪU — không phải kết quả đánh giá thật</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="132" />
        <source>Find an indicator by code or words (Ctrl+F)…</source>
        <translation>Tìm chỉ số theo mã hoặc từ khóa (Ctrl+F)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="133" />
        <source>Find an indicator</source>
        <translation>Tìm chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="142" />
        <source>Choose a unit and a cycle to fill in its questionnaire.</source>
        <translation>Chọn đơn vị và chu kỳ để nhập phiếu đánh giá.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="150" />
        <location filename="../../gui/main_window.py" line="180" />
        <source>Data entry</source>
        <translation>Nhập liệu</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153" />
        <location filename="../../gui/main_window.py" line="178" />
        <source>Compare units</source>
        <translation>So sánh đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="168" />
        <source>Actions</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="170" />
        <source>Undo last change</source>
        <translation>Hoàn tác thay đổi vừa rồi</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="171" />
        <source>Previous pillar</source>
        <translation>Nhóm trước</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="172" />
        <source>Next pillar</source>
        <translation>Nhóm sau</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="173" />
        <source>Find indicator</source>
        <translation>Tìm chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="174" />
        <source>Find unit</source>
        <translation>Tìm đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="175" />
        <source>Submit…</source>
        <translation>Nộp…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="176" />
        <source>Reopen (inspector)</source>
        <translation>Mở lại (thẩm định viên)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="177" />
        <source>Settings…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="184" />
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="187" />
        <source>Scorecard of the unit (PDF)…</source>
        <translation>Phiếu điểm của đơn vị (PDF)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="188" />
        <source>Booklet of the peer group (PDF)…</source>
        <translation>Tập báo cáo của nhóm đơn vị (PDF)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="189" />
        <source>One scorecard per unit (PDFs)…</source>
        <translation>Phiếu điểm từng đơn vị (các tệp PDF)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="190" />
        <source>Scores of the cycle (Excel)…</source>
        <translation>Điểm của chu kỳ (Excel)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="205" />
        <source>All changes saved at %1</source>
        <translation>Đã lưu mọi thay đổi lúc %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="251" />
        <source>Opening…</source>
        <translation>Đang mở…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="268" />
        <source>Cycle %1</source>
        <translation>Chu kỳ %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="273" />
        <source>Status: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Trạng thái: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="275" />
        <location filename="../../gui/main_window.py" line="405" />
        <source>Ready.</source>
        <translation>Sẵn sàng.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="297" />
        <source>read-only</source>
        <translation>chỉ xem</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="301" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="338" />
        <source>Answer this indicator before attaching evidence.</source>
        <translation>Hãy trả lời chỉ số này trước khi đính kèm minh chứng.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="360" />
        <source>Submit</source>
        <translation>Nộp</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="360" />
        <source>Submit this assessment to the city? It becomes read-only until an inspector reopens it.</source>
        <translation>Nộp phiếu đánh giá này lên Thành phố? Sau khi nộp, phiếu chỉ được xem cho đến khi thẩm định viên mở lại.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="368" />
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="368" />
        <source>Reopen this assessment for editing?</source>
        <translation>Mở lại phiếu đánh giá này để chỉnh sửa?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="384" />
        <source>Choose a unit first.</source>
        <translation>Hãy chọn một đơn vị trước.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="391" />
        <source>Choose a unit or a peer group first.</source>
        <translation>Hãy chọn một đơn vị hoặc một nhóm đơn vị trước.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="399" />
        <source>Opening the comparison…</source>
        <translation>Đang mở bảng so sánh…</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="40" />
        <source>Departments (sở, ban, ngành)</source>
        <translation>Sở, ban, ngành</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="41" />
        <source>Districts (until 30/06/2025)</source>
        <translation>Quận, huyện, thị xã (đến 30/6/2025)</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="42" />
        <source>Communes and wards (from 01/07/2025)</source>
        <translation>Xã, phường (từ 01/7/2025)</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="109" />
        <source> — historical</source>
        <translation> — lịch sử</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="125" />
        <source>Valid: %1</source>
        <translation>Hiệu lực: %1</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="184" />
        <source>%1/%2 answered · %3/%4 pts</source>
        <translation>%1/%2 đã trả lời · %3/%4 điểm</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="264" />
        <source>no answer</source>
        <translation>chưa trả lời</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="264" />
        <source>evidence required</source>
        <translation>cần minh chứng</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="15" />
        <source>{text!r} is not a number</source>
        <translation>{text!r} không phải là số</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="16" />
        <source>{text!r} is not yes/no (use 1/0, có/không)</source>
        <translation>{text!r} không phải là có/không (dùng 1/0, có/không)</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="17" />
        <source>{text!r} is not a date (use YYYY-MM-DD or DD/MM/YYYY)</source>
        <translation>{text!r} không phải là ngày (dùng dd/mm/yyyy)</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="18" />
        <source>a ratio is given as numerator and denominator, not value</source>
        <translation>tỷ lệ được nhập bằng tử số và mẫu số, không nhập giá trị</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="19" />
        <source>this indicator cannot be declared not applicable</source>
        <translation>chỉ số này không được khai là không áp dụng</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="20" />
        <source>give either a value or not applicable, not both</source>
        <translation>hoặc nhập giá trị, hoặc chọn không áp dụng, không chọn cả hai</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="21" />
        <source>{value:g} is not a whole number</source>
        <translation>{value:g} không phải là số nguyên</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="22" />
        <source>must be yes or no</source>
        <translation>phải là có hoặc không</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="23" />
        <source>{value!r} is not an option (options: {options})</source>
        <translation>{value!r} không có trong các lựa chọn ({options})</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="24" />
        <source>an option is chosen twice</source>
        <translation>một lựa chọn bị chọn hai lần</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="25" />
        <source>longer than {limit} characters</source>
        <translation>dài quá {limit} ký tự</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="26" />
        <source>points must be between 0 and {maximum:g}</source>
        <translation>điểm phải từ 0 đến {maximum:g}</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="27" />
        <source>{value:g} is below the minimum {minimum:g}</source>
        <translation>{value:g} nhỏ hơn giá trị tối thiểu {minimum:g}</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="28" />
        <source>{value:g} is above the maximum {maximum:g}</source>
        <translation>{value:g} lớn hơn giá trị tối đa {maximum:g}</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="29" />
        <source>a ratio needs both numerator and denominator</source>
        <translation>tỷ lệ cần cả tử số và mẫu số</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="30" />
        <source>must not be negative</source>
        <translation>không được là số âm</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="31" />
        <source>{a:g} is larger than the denominator {b:g}</source>
        <translation>tử số {a:g} lớn hơn mẫu số {b:g}</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="37" />
        <source>met</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="37" />
        <source>on track</source>
        <translation>đúng lộ trình</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="37" />
        <source>behind</source>
        <translation>chậm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="37" />
        <source>no data</source>
        <translation>không có số liệu</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="98" />
        <source>Ranking: index per unit</source>
        <translation>Xếp hạng: chỉ số của từng đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="99" />
        <location filename="../../gui/dashboard/tables.py" line="71" />
        <source>Index</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="100" />
        <location filename="../../gui/dashboard/tables.py" line="71" />
        <source>Rank</source>
        <translation>Hạng</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="110" />
        <source>goal: leading band ≥ 0,8</source>
        <translation>mục tiêu: mức dẫn đầu ≥ 0,8</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="125" />
        <source>peer average %1</source>
        <translation>trung bình nhóm %1</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="152" />
        <source>Heatmap: pillar index per unit</source>
        <translation>Bản đồ nhiệt: chỉ số nhóm của từng đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="159" />
        <source>pillar index</source>
        <translation>chỉ số nhóm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="212" />
        <source>Distribution per pillar</source>
        <translation>Phân bố theo nhóm chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="213" />
        <source>Pillar index</source>
        <translation>Chỉ số nhóm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="274" />
        <source>Targets: status per unit</source>
        <translation>Mục tiêu: tình trạng của từng đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/radar.py" line="17" />
        <source>Radar: pillars against peers</source>
        <translation>Radar: các nhóm chỉ số so với đơn vị cùng loại</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/radar.py" line="24" />
        <source>selected unit</source>
        <translation>đơn vị đang chọn</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/radar.py" line="26" />
        <source>peer average</source>
        <translation>trung bình nhóm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/radar.py" line="27" />
        <source>best unit</source>
        <translation>đơn vị cao nhất</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="71" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="71" />
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="71" />
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="71" />
        <source>Band</source>
        <translation>Mức</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="110" />
        <location filename="../../gui/dashboard/tables.py" line="120" />
        <source>Indicator</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="110" />
        <location filename="../../gui/dashboard/tables.py" line="120" />
        <source>Question</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="110" />
        <source>Points lost</source>
        <translation>Điểm bị mất</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="110" />
        <source>Index gain</source>
        <translation>Chỉ số tăng thêm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="110" />
        <source>In the plan</source>
        <translation>Trong kế hoạch</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="113" />
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="120" />
        <source>Full marks</source>
        <translation>Đạt tối đa</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="120" />
        <source>Partial</source>
        <translation>Một phần</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="120" />
        <source>Zero</source>
        <translation>Không điểm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="121" />
        <source>No answer</source>
        <translation>Chưa trả lời</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="130" />
        <source>District</source>
        <translation>Quận, huyện, thị xã</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="130" />
        <source>2024 index (assessed)</source>
        <translation>Chỉ số 2024 (đã đánh giá)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="130" />
        <source>2025 index (derived from communes)</source>
        <translation>Chỉ số 2025 (suy ra từ các xã, phường)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="131" />
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="131" />
        <source>Communes counted</source>
        <translation>Số xã, phường tính vào</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="21" />
        <source>Target-linked indicator</source>
        <translation>Chỉ số gắn với mục tiêu</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="23" />
        <source>Index across cycles</source>
        <translation>Chỉ số qua các chu kỳ</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="26" />
        <source>Indicator against its targets</source>
        <translation>Chỉ số so với mục tiêu</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="78" />
        <source>reaches the last target in %1 at this pace</source>
        <translation>đạt mục tiêu cuối vào năm %1 nếu giữ tốc độ này</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="80" />
        <source>not at this pace</source>
        <translation>không đạt nếu giữ tốc độ này</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="82" />
        <source>one cycle: no projection yet</source>
        <translation>mới có một chu kỳ: chưa dự báo được</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="96" />
        <source>Kind of unit</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="98" />
        <source>Filter units…</source>
        <translation>Lọc đơn vị…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="99" />
        <source>Filter units</source>
        <translation>Lọc đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="106" />
        <source>Export chart…</source>
        <translation>Xuất biểu đồ…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="108" />
        <source>Export table…</source>
        <translation>Xuất bảng…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="111" />
        <source>Peer group</source>
        <translation>Nhóm so sánh</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="129" />
        <source>Order the heatmap by</source>
        <translation>Sắp xếp bản đồ nhiệt theo</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="140" />
        <source>next band</source>
        <translation>mức kế tiếp</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="141" />
        <location filename="../../gui/dashboard/view.py" line="144" />
        <source>Goal index</source>
        <translation>Chỉ số mục tiêu</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="169" />
        <source>Ranking</source>
        <translation>Xếp hạng</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="169" />
        <source>Radar</source>
        <translation>Radar</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="170" />
        <source>Heatmap</source>
        <translation>Bản đồ nhiệt</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="170" />
        <source>Trend</source>
        <translation>Xu hướng</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="171" />
        <source>Distribution</source>
        <translation>Phân bố</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="171" />
        <source>Targets</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="172" />
        <source>Gap planner</source>
        <translation>Kế hoạch cải thiện</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="173" />
        <source>Indicators</source>
        <translation>Chỉ số thành phần</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="174" />
        <source>Districts 2024 → 2025</source>
        <translation>Quận, huyện 2024 → 2025</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="235" />
        <source>overall index</source>
        <translation>chỉ số chung</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="246" />
        <source>DEMO DATA — </source>
        <translation>DỮ LIỆU MẪU — </translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="247" />
        <source>%1 units compared within their peer group: %2, cycle %3. Goal line: the leading band (index ≥ 0,8).</source>
        <translation>So sánh %1 đơn vị trong cùng nhóm: %2, chu kỳ %3. Đường mục tiêu: mức dẫn đầu (chỉ số ≥ 0,8).</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="299" />
        <source>%1 is in the highest band: the table lists where it still loses points.</source>
        <translation>%1 đã ở mức cao nhất: bảng liệt kê những chỉ số còn bị mất điểm.</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="301" />
        <source>%1 needs %2 more points to reach index %3; full marks on the %4 marked indicator(s) would bring them.</source>
        <translation>%1 cần thêm %2 điểm để đạt chỉ số %3; đạt tối đa ở %4 chỉ số được đánh dấu là đủ.</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="304" />
        <source>%1 cannot reach index %3 even with full marks everywhere it can still gain.</source>
        <translation>%1 không thể đạt chỉ số %3 dù đạt tối đa ở mọi chỉ số còn có thể tăng điểm.</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="324" />
        <source>DERIVED, not assessed: each former district's 2025 index is the average of the indices of the communes formed from its territory, each weighted by what it took from the district (NQ 1656/NQ-UBTVQH15 lineage; weights by part: %1). The 2024 column is the district's own assessment.</source>
        <translation>SỐ LIỆU SUY RA, không phải kết quả đánh giá: chỉ số 2025 của mỗi quận, huyện, thị xã cũ là trung bình chỉ số của các xã, phường được hình thành từ địa bàn của nó, có trọng số theo phần đã nhận từ quận, huyện đó (theo Nghị quyết 1656/NQ-UBTVQH15; trọng số theo phần: %1). Cột 2024 là kết quả đánh giá của chính quận, huyện.</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="335" />
        <source>Export chart</source>
        <translation>Xuất biểu đồ</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="341" />
        <source>Export table</source>
        <translation>Xuất bảng</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="62" />
        <source>Save the scorecard</source>
        <translation>Lưu phiếu điểm</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="64" />
        <source>Writing the scorecard…</source>
        <translation>Đang tạo phiếu điểm…</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="68" />
        <source>Save the booklet</source>
        <translation>Lưu tập báo cáo</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="70" />
        <source>Writing the booklet…</source>
        <translation>Đang tạo tập báo cáo…</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="74" />
        <source>Folder for one PDF per unit</source>
        <translation>Thư mục lưu phiếu điểm của từng đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="77" />
        <source>Writing one scorecard per unit…</source>
        <translation>Đang tạo phiếu điểm của từng đơn vị…</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="81" />
        <source>Save the scores as Excel</source>
        <translation>Lưu điểm ra tệp Excel</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="83" />
        <source>Writing the workbook…</source>
        <translation>Đang tạo tệp Excel…</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="92" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
</TS>