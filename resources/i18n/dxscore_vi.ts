<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name />
    <message>
        <location filename="../../gui/app.py" line="83" />
        <source>dxscore cannot start</source>
        <translation>dxscore không khởi động được</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="96" />
        <source>Building the demo database…</source>
        <translation>Đang tạo cơ sở dữ liệu mẫu…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="44" />
        <source>Evidence — %1</source>
        <translation>Minh chứng — %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="49" />
        <source>Evidence attached</source>
        <translation>Minh chứng đã đính kèm</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="89" />
        <source>{text} is not a date (dd/mm/yyyy)</source>
        <translation>{text} không phải là ngày (dd/mm/yyyy)</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="96" />
        <source>Standing</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="96" />
        <source>Days late</source>
        <translation>Số ngày chậm</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="96" />
        <source>Indicators answered</source>
        <translation>Chỉ tiêu đã trả lời</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="147" />
        <source>Edit dates…</source>
        <translation>Sửa mốc thời gian…</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="158" />
        <source>All units</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="158" />
        <source>Late</source>
        <translation>Chậm</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="158" />
        <source>Not submitted</source>
        <translation>Chưa nộp</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="158" />
        <source>In review</source>
        <translation>Đang thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="159" />
        <source>Returned</source>
        <translation>Đã trả lại</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="159" />
        <source>Appraised or locked</source>
        <translation>Đã thẩm định hoặc đã khóa</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="175" />
        <source>Show</source>
        <translation>Hiển thị</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="180" />
        <source>Export reminder list…</source>
        <translation>Xuất danh sách nhắc nộp…</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="181" />
        <source>Start review of every submission</source>
        <translation>Thẩm định tất cả hồ sơ đã nộp</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="182" />
        <source>Return selected units…</source>
        <translation>Trả lại các đơn vị đã chọn…</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="183" />
        <source>Lock every appraised assessment</source>
        <translation>Khóa tất cả hồ sơ đã thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="199" />
        <source>Council and publication</source>
        <translation>Hội đồng thẩm định và công bố kết quả</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="203" />
        <source>Add a member…</source>
        <translation>Thêm thành viên…</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="204" />
        <source>Record a meeting…</source>
        <translation>Ghi phiên họp…</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="205" />
        <source>Record a decision…</source>
        <translation>Ghi quyết định…</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="214" />
        <source>Publish results…</source>
        <translation>Công bố kết quả…</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="215" />
        <source>Decision annex (PDF)…</source>
        <translation>Phụ lục quyết định (PDF)…</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="216" />
        <source>Decision annex (Excel)…</source>
        <translation>Phụ lục quyết định (Excel)…</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="261" />
        <source>Council: {members} members, {meetings} meetings, {decisions} decisions</source>
        <translation>Hội đồng: {members} thành viên, {meetings} phiên họp, {decisions} quyết định</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="268" />
        <source>Not yet published: the ranking shown elsewhere is on the self-assessed index.</source>
        <translation>Chưa công bố: xếp hạng ở các màn hình khác tính theo chỉ số tự đánh giá.</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="271" />
        <source>Published on {day} (decision {number}), publication {n}</source>
        <translation>Đã công bố ngày {day} (Quyết định số {number}), lần công bố {n}</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="273" />
        <location filename="../../gui/published_view.py" line="153" />
        <source>correction: {reason}</source>
        <translation>đính chính: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="296" />
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="303" />
        <source>{n} unit(s) done.</source>
        <translation>Đã thực hiện cho {n} đơn vị.</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="305" />
        <source>Skipped:</source>
        <translation>Bỏ qua:</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="309" />
        <source>Start review</source>
        <translation>Bắt đầu thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="309" />
        <source>Start the review of every submitted assessment of {year}?</source>
        <translation>Bắt đầu thẩm định tất cả hồ sơ đã nộp của kỳ {year}?</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="315" />
        <source>Lock every appraised assessment of {year}?</source>
        <translation>Khóa tất cả hồ sơ đã thẩm định của kỳ {year}?</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="326" />
        <source>Return</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="326" />
        <source>Choose the units to return in the table first.</source>
        <translation>Hãy chọn các đơn vị cần trả lại trong bảng trước.</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="346" />
        <source>Export reminder list</source>
        <translation>Xuất danh sách nhắc nộp</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="347" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Bảng tính Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="352" />
        <source>{n} unit(s) written to {path}</source>
        <translation>Đã ghi {n} đơn vị vào {path}</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="389" />
        <source>Publication {n} stored: {ranked} units ranked.</source>
        <translation>Đã lưu lần công bố {n}: xếp hạng {ranked} đơn vị.</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="394" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="394" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="395" />
        <source>Decision annex</source>
        <translation>Phụ lục quyết định</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="400" />
        <source>Saved to {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="416" />
        <location filename="../../gui/cycle_view.py" line="433" />
        <source>Cycle dates</source>
        <translation>Mốc thời gian của kỳ đánh giá</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="90" />
        <source>Add a council member</source>
        <translation>Thêm thành viên Hội đồng</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="98" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="99" />
        <source>Role</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="104" />
        <source>{name} added to the council ({role}).</source>
        <translation>Đã thêm {name} vào Hội đồng ({role}).</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="112" />
        <source>Record a council meeting</source>
        <translation>Ghi phiên họp Hội đồng</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="116" />
        <location filename="../../gui/cycle_view.py" line="423" />
        <location filename="../../gui/cycle_view.py" line="476" />
        <location filename="../../gui/dialogs.py" line="56" />
        <location filename="../../gui/editors.py" line="167" />
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="119" />
        <source>What the meeting decided, as in the signed minutes</source>
        <translation>Nội dung phiên họp, như trong biên bản đã ký</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="122" />
        <source>the signed minutes (PDF or a scan), optional</source>
        <translation>biên bản đã ký (PDF hoặc bản quét), không bắt buộc</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="123" />
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="130" />
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="131" />
        <source>Signed file</source>
        <translation>Tệp đã ký</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="135" />
        <source>The signed minutes</source>
        <translation>Biên bản đã ký</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="136" />
        <source>PDF or image (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>PDF hoặc ảnh (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="143" />
        <source>The meeting needs its date (dd/mm/yyyy).</source>
        <translation>Cần nhập ngày họp (dd/mm/yyyy).</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="146" />
        <source>Meeting of {day} recorded.</source>
        <translation>Đã ghi phiên họp ngày {day}.</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="156" />
        <source>Record a council decision</source>
        <translation>Ghi quyết định của Hội đồng</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="169" />
        <source>e.g. NTS01</source>
        <translation>ví dụ NTS01</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="172" />
        <source>Adjusted</source>
        <translation>Điều chỉnh</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="173" />
        <source>Kept</source>
        <translation>Giữ nguyên</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="182" />
        <source>Meeting</source>
        <translation>Phiên họp</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="183" />
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="184" />
        <source>Council's points</source>
        <translation>Điểm Hội đồng quyết định</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="190" />
        <source>not recorded</source>
        <translation>không ghi</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="190" />
        <source>For</source>
        <translation>Tán thành</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="190" />
        <source>Against</source>
        <translation>Không tán thành</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="190" />
        <source>Abstained</source>
        <translation>Không biểu quyết</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="193" />
        <source>Vote of {name}</source>
        <translation>Biểu quyết của {name}</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="201" />
        <source>Record the council's meeting first.</source>
        <translation>Hãy ghi phiên họp của Hội đồng trước.</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="203" />
        <source>Choose the unit.</source>
        <translation>Hãy chọn đơn vị.</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="213" />
        <source>{unit} {code}: the council's decision is recorded ({points} points).</source>
        <translation>{unit} {code}: đã ghi quyết định của Hội đồng ({points} điểm).</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="441" />
        <source>Return {n} unit(s)</source>
        <translation>Trả lại {n} đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="445" />
        <source>e.g. Add the evidence the indicator asks for</source>
        <translation>ví dụ: Bổ sung tài liệu kiểm chứng theo yêu cầu của chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="448" />
        <source>indicator codes, separated by commas</source>
        <translation>mã chỉ tiêu, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="449" />
        <source>Standard comment</source>
        <translation>Ý kiến chung</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="450" />
        <source>On indicators</source>
        <translation>Cho các chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="464" />
        <source>Publish a correction</source>
        <translation>Công bố đính chính</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="464" />
        <source>Publish results</source>
        <translation>Công bố kết quả</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="467" />
        <source>Publishing locks every appraised assessment and freezes the results: ranks on the appraised index, per group and sub-group. A later publication is a correction.</source>
        <translation>Công bố sẽ khóa mọi hồ sơ đã thẩm định và cố định kết quả: xếp hạng theo chỉ số thẩm định, theo nhóm và phân nhóm. Lần công bố sau là đính chính.</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="473" />
        <source>e.g. 1234/QĐ-UBND</source>
        <translation>ví dụ: 1234/QĐ-UBND</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="479" />
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="480" />
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="482" />
        <source>Reason for the correction</source>
        <translation>Lý do đính chính</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="58" />
        <location filename="../../gui/dialogs.py" line="117" />
        <source>no file</source>
        <translation>chưa có tệp</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="59" />
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="62" />
        <location filename="../../gui/models.py" line="303" />
        <source>Document no.</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="129" />
        <location filename="../../gui/dialogs.py" line="62" />
        <location filename="../../gui/models.py" line="303" />
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="63" />
        <location filename="../../gui/models.py" line="303" />
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="69" />
        <location filename="../../gui/models.py" line="303" />
        <location filename="../../gui/packages.py" line="139" />
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="72" />
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="79" />
        <source>Expected: %1</source>
        <translation>Cần có: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="89" />
        <source>Evidence file</source>
        <translation>Tệp minh chứng</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="97" />
        <source>Give at least the document number and a summary.</source>
        <translation>Cần nhập ít nhất số văn bản và trích yếu.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="104" />
        <source>The date must be dd/mm/yyyy.</source>
        <translation>Ngày phải có dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="126" />
        <source>Not answered (%1)</source>
        <translation>Chưa trả lời (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="127" />
        <source>Answered, evidence needed (%1)</source>
        <translation>Đã trả lời, cần minh chứng (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="166" />
        <source>Not ready to submit</source>
        <translation>Chưa thể nộp</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="176" />
        <source>Missing items</source>
        <translation>Các mục còn thiếu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs.py" line="182" />
        <source>%n item(s) must be completed before submitting. Choose one to go to it.</source>
        <translation>
            <numerusform>Còn %n mục phải hoàn thành trước khi nộp. Chọn một mục để chuyển đến.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="201" />
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="208" />
        <source>default: dxscore.sqlite in the data folder</source>
        <translation>mặc định: dxscore.sqlite trong thư mục dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="209" />
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="214" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="214" />
        <source>Your name (for the history)</source>
        <translation>Họ tên người nhập (ghi vào lịch sử)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="217" />
        <location filename="../../gui/dialogs.py" line="221" />
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="227" />
        <source>Language and database changes apply the next time dxscore starts.</source>
        <translation>Thay đổi ngôn ngữ và cơ sở dữ liệu có hiệu lực từ lần mở dxscore tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="232" />
        <source>Database file</source>
        <translation>Tệp cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="133" />
        <source>— not answered —</source>
        <translation>— chưa trả lời —</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts.py" line="25" />
        <source>Changed elsewhere — %1</source>
        <translation>Đã bị thay đổi ở nơi khác — %1</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts.py" line="26" />
        <source>someone else</source>
        <translation>người khác</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts.py" line="27" />
        <source>&lt;b&gt;%1&lt;/b&gt; was changed by %2 while you were editing it. Your value has not been saved.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; đã được %2 thay đổi trong khi bạn đang sửa. Giá trị của bạn chưa được lưu.</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts.py" line="33" />
        <source>Yours:</source>
        <translation>Của bạn:</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts.py" line="34" />
        <source>Stored now:</source>
        <translation>Đang lưu trong cơ sở dữ liệu:</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts.py" line="41" />
        <source>Keep mine</source>
        <translation>Giữ giá trị của tôi</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts.py" line="42" />
        <source>Take the stored one</source>
        <translation>Lấy giá trị đang lưu</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts.py" line="80" />
        <source>none of these</source>
        <translation>không có mục nào</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts.py" line="82" />
        <location filename="../../gui/editors.py" line="133" />
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts.py" line="82" />
        <location filename="../../gui/editors.py" line="133" />
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="101" />
        <source>Depends on other units: these points are scored against the best value among peer units and recomputed at ranking.</source>
        <translation>Phụ thuộc vào các đơn vị khác: điểm này được chấm so với giá trị tốt nhất trong nhóm đơn vị cùng loại và được tính lại khi xếp hạng.</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="135" />
        <source>— not chosen —</source>
        <translation>— chưa chọn —</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="146" />
        <location filename="../../gui/editors.py" line="147" />
        <source>None of these</source>
        <translation>Không có mục nào</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="197" />
        <location filename="../../gui/editors.py" line="198" />
        <location filename="../../gui/dashboard/marks.py" line="24" />
        <location filename="../../gui/dashboard/tables.py" line="151" />
        <source>Not applicable</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="202" />
        <location filename="../../gui/editors.py" line="203" />
        <source>Comment</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="206" />
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="360" />
        <location filename="../../gui/editors.py" line="392" />
        <source>Not saved: %1</source>
        <translation>Chưa lưu: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editors.py" line="404" />
        <source>Evidence (%n)</source>
        <translation>
            <numerusform>Minh chứng (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="404" />
        <source>Add evidence…</source>
        <translation>Thêm minh chứng…</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="395" />
        <source>Refused: %1</source>
        <translation>Không chấp nhận: %1</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts.py" line="75" />
        <location filename="../../gui/editors.py" line="441" />
        <location filename="../../gui/models.py" line="274" />
        <location filename="../../gui/packages.py" line="76" />
        <location filename="../../gui/review.py" line="101" />
        <source>not applicable</source>
        <translation>không áp dụng</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="443" />
        <source>%1 pts max, set by the appraisers</source>
        <translation>tối đa %1 điểm, do Hội đồng thẩm định chấm</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="445" />
        <source>&lt;b&gt;%1&lt;/b&gt; / %2 pts</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; / %2 điểm</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="25" />
        <source>Something went wrong. The details have been written to the log file.</source>
        <translation>Đã xảy ra lỗi. Chi tiết đã được ghi vào tệp nhật ký.</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="39" />
        <source>… and %1 more problem(s)</source>
        <translation>… và %1 lỗi khác</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="45" />
        <source>dxscore</source>
        <translation>dxscore</translation>
    </message>
    <message>
        <location filename="../../gui/form.py" line="40" />
        <source>Pillars</source>
        <translation>Nhóm chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/form.py" line="160" />
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <location filename="../../gui/form.py" line="161" />
        <source>%1: what was typed is not a valid answer and was not saved (the reason is beside it). Drop what was typed?</source>
        <translation>%1: nội dung đã nhập không phải là câu trả lời hợp lệ và chưa được lưu (lý do ghi bên cạnh). Bỏ nội dung đã nhập?</translation>
    </message>
    <message>
        <location filename="../../gui/form.py" line="163" />
        <source>Drop what was typed</source>
        <translation>Bỏ nội dung đã nhập</translation>
    </message>
    <message>
        <location filename="../../gui/form.py" line="164" />
        <source>Go back to it</source>
        <translation>Quay lại chỉ số đó</translation>
    </message>
    <message>
        <location filename="../../gui/form.py" line="190" />
        <source>Total: &lt;b&gt;%1&lt;/b&gt; / %2 pts · Index: &lt;b&gt;%3&lt;/b&gt; · Band: &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>Tổng điểm: &lt;b&gt;%1&lt;/b&gt; / %2 · Chỉ số: &lt;b&gt;%3&lt;/b&gt; · Mức: &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="13" />
        <source>draft</source>
        <translation>đang nhập</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="14" />
        <source>submitted</source>
        <translation>đã nộp</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="15" />
        <source>under review</source>
        <translation>đang thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="17" />
        <source>resubmitted</source>
        <translation>đã nộp lại</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="18" />
        <location filename="../../gui/dashboard/plots.py" line="210" />
        <source>appraised</source>
        <translation>đã thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="19" />
        <source>locked</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="24" />
        <source>Start the review</source>
        <translation>Bắt đầu thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="25" />
        <source>Return to the unit…</source>
        <translation>Trả lại đơn vị…</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="26" />
        <source>Appraise</source>
        <translation>Chốt kết quả thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="27" />
        <source>Reopen the review…</source>
        <translation>Mở lại thẩm định…</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="315" />
        <location filename="../../gui/states.py" line="28" />
        <source>Lock</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="29" />
        <source>Unlock…</source>
        <translation>Mở khóa…</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="35" />
        <source>not started</source>
        <translation>chưa bắt đầu</translation>
    </message>
    <message>
        <location filename="../../gui/states.py" line="16" />
        <source>returned for correction</source>
        <translation>được trả lại để chỉnh sửa</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="90" />
        <source>dxscore — digital transformation assessment</source>
        <translation>dxscore — đánh giá chuyển đổi số</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="96" />
        <source>Choose a unit on the left.</source>
        <translation>Chọn một đơn vị ở danh sách bên trái.</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="109" />
        <location filename="../../gui/city_view.py" line="118" />
        <location filename="../../gui/cycle_view.py" line="139" />
        <location filename="../../gui/cycle_view.py" line="151" />
        <location filename="../../gui/main_window.py" line="112" />
        <location filename="../../gui/main_window.py" line="127" />
        <location filename="../../gui/main_window.py" line="179" />
        <location filename="../../gui/packages.py" line="139" />
        <location filename="../../gui/dashboard/view.py" line="135" />
        <location filename="../../gui/dashboard/view.py" line="160" />
        <source>Cycle</source>
        <translation>Chu kỳ</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="115" />
        <source>Find a unit (name or code)…</source>
        <translation>Tìm đơn vị (tên hoặc mã)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="116" />
        <source>Find a unit</source>
        <translation>Tìm đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="123" />
        <location filename="../../gui/main_window.py" line="131" />
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="141" />
        <location filename="../../gui/dashboard/view.py" line="509" />
        <source>DEMO DATA — not a real assessment</source>
        <translation>DỮ LIỆU MẪU — không phải kết quả đánh giá thật</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153" />
        <source>Find an indicator by code or words (Ctrl+F)…</source>
        <translation>Tìm chỉ số theo mã hoặc từ khóa (Ctrl+F)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="154" />
        <source>Find an indicator</source>
        <translation>Tìm chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="163" />
        <source>Choose a unit and a cycle to fill in its questionnaire.</source>
        <translation>Chọn đơn vị và chu kỳ để nhập phiếu đánh giá.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="172" />
        <location filename="../../gui/main_window.py" line="206" />
        <source>Data entry</source>
        <translation>Nhập liệu</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="173" />
        <location filename="../../gui/main_window.py" line="204" />
        <source>Compare units</source>
        <translation>So sánh đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="177" />
        <location filename="../../gui/main_window.py" line="220" />
        <source>Review</source>
        <translation>Thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="193" />
        <source>Actions</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="195" />
        <source>Undo last change</source>
        <translation>Hoàn tác thay đổi vừa rồi</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="196" />
        <source>Previous pillar</source>
        <translation>Nhóm trước</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="197" />
        <source>Next pillar</source>
        <translation>Nhóm sau</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="198" />
        <source>Find indicator</source>
        <translation>Tìm chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199" />
        <source>Find unit</source>
        <translation>Tìm đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="200" />
        <source>Submit…</source>
        <translation>Nộp…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="202" />
        <source>Withdraw the submission</source>
        <translation>Rút lại phiếu đã nộp</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="203" />
        <source>Settings…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="210" />
        <location filename="../../gui/packages.py" line="216" />
        <source>Packages</source>
        <translation>Gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="213" />
        <source>Export the submission package…</source>
        <translation>Xuất gói dữ liệu để nộp…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="214" />
        <source>Import packages…</source>
        <translation>Nhập gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="215" />
        <source>Signing key of the unit…</source>
        <translation>Khóa ký của đơn vị…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="216" />
        <source>Import a key list…</source>
        <translation>Nhập danh sách khóa…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="217" />
        <source>Verify the audit trail</source>
        <translation>Kiểm tra nhật ký thay đổi</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="222" />
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="225" />
        <source>Scorecard of the unit (PDF)…</source>
        <translation>Phiếu điểm của đơn vị (PDF)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="226" />
        <source>Booklet of the peer group (PDF)…</source>
        <translation>Tập báo cáo của nhóm đơn vị (PDF)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="227" />
        <source>One scorecard per unit (PDFs)…</source>
        <translation>Phiếu điểm từng đơn vị (các tệp PDF)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="228" />
        <source>Scores of the cycle (Excel)…</source>
        <translation>Điểm của chu kỳ (Excel)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="250" />
        <source>All changes saved at %1</source>
        <translation>Đã lưu mọi thay đổi lúc %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="313" />
        <source>Opening…</source>
        <translation>Đang mở…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="334" />
        <source>Cycle %1</source>
        <translation>Chu kỳ %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="339" />
        <source> — read-only</source>
        <translation> — chỉ xem</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="340" />
        <location filename="../../gui/review.py" line="353" />
        <source>Status: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Trạng thái: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lazy_tabs.py" line="79" />
        <location filename="../../gui/main_window.py" line="342" />
        <source>Ready.</source>
        <translation>Sẵn sàng.</translation>
    </message>
    <message>
        <location filename="../../gui/editors.py" line="390" />
        <location filename="../../gui/main_window.py" line="391" />
        <source>read-only</source>
        <translation>chỉ xem</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="395" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="406" />
        <source>Nothing to undo.</source>
        <translation>Không có gì để hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="449" />
        <source>Answer this indicator before attaching evidence.</source>
        <translation>Hãy trả lời chỉ số này trước khi đính kèm minh chứng.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="475" />
        <source>Submit</source>
        <translation>Nộp</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="475" />
        <source>Submit this assessment to the city? It becomes read-only until an inspector reopens it.</source>
        <translation>Nộp phiếu đánh giá này lên Thành phố? Sau khi nộp, phiếu chỉ được xem cho đến khi thẩm định viên mở lại.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="483" />
        <source>Withdraw</source>
        <translation>Rút lại</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="483" />
        <source>Withdraw this submission to edit it again? This is possible until the inspectors start their review.</source>
        <translation>Rút lại phiếu đã nộp để chỉnh sửa tiếp? Chỉ rút lại được khi Hội đồng chưa bắt đầu thẩm định.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="528" />
        <source>Packages imported.</source>
        <translation>Đã nhập các gói dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="500" />
        <location filename="../../gui/main_window.py" line="537" />
        <location filename="../../gui/main_window.py" line="545" />
        <source>Choose a unit first.</source>
        <translation>Hãy chọn một đơn vị trước.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="61" />
        <location filename="../../gui/dashboard/view.py" line="348" />
        <source>reconstructed by dxscore, not the official annex: hover for the sources</source>
        <translation>bản dựng lại của dxscore, chưa phải phụ lục chính thức: di chuột vào đây để xem nguồn</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="507" />
        <source>Choose a unit or a peer group first.</source>
        <translation>Hãy chọn một đơn vị hoặc một nhóm đơn vị trước.</translation>
    </message>
    <message>
        <location filename="../../gui/lazy_tabs.py" line="68" />
        <source>Opening the comparison…</source>
        <translation>Đang mở bảng so sánh…</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="64" />
        <source>Departments (sở, ban, ngành)</source>
        <translation>Sở, ban, ngành</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="65" />
        <source>Districts (until 30/06/2025)</source>
        <translation>Quận, huyện, thị xã (đến 30/6/2025)</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="66" />
        <source>Communes and wards (from 01/07/2025)</source>
        <translation>Xã, phường (từ 01/7/2025)</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="67" />
        <source>Hanoi City (Resolution 18 targets)</source>
        <translation>Thành phố Hà Nội (mục tiêu Nghị quyết 18)</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="176" />
        <source>historical · %1</source>
        <translation>đơn vị cũ · %1</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="192" />
        <source>Valid: %1</source>
        <translation>Hiệu lực: %1</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="194" />
        <source>Historical: it does not exist in the cycle chosen; its past assessments stay.</source>
        <translation>Đơn vị cũ: không còn tồn tại trong chu kỳ đã chọn; các kết quả đánh giá trước đây vẫn được giữ.</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="275" />
        <source>%1/%2 answered · %3/%4 pts</source>
        <translation>%1/%2 đã trả lời · %3/%4 điểm</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts.py" line="73" />
        <location filename="../../gui/conflicts.py" line="88" />
        <source>no answer</source>
        <translation>chưa trả lời</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="15" />
        <source>{text!r} is not a number</source>
        <translation>{text!r} không phải là số</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="16" />
        <source>{text!r} could be {first} or {second}: write it without a thousands separator</source>
        <translation>{text!r} có thể là {first} hoặc {second}: hãy viết số không có dấu phân cách hàng nghìn</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="18" />
        <source>{text!r} could be {first} or {second}: type the one you mean as written here</source>
        <translation>{text!r} có thể là {first} hoặc {second}: hãy gõ đúng số bạn muốn như viết ở đây</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="20" />
        <source>{text!r} is not yes/no (use 1/0, có/không)</source>
        <translation>{text!r} không phải là có/không (dùng 1/0, có/không)</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="21" />
        <source>{text!r} is not a date (use YYYY-MM-DD or DD/MM/YYYY)</source>
        <translation>{text!r} không phải là ngày (dùng dd/mm/yyyy)</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="22" />
        <source>a ratio is given as numerator and denominator, not value</source>
        <translation>tỷ lệ được nhập bằng tử số và mẫu số, không nhập giá trị</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="23" />
        <source>this indicator cannot be declared not applicable</source>
        <translation>chỉ số này không được khai là không áp dụng</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="24" />
        <source>give either a value or not applicable, not both</source>
        <translation>hoặc nhập giá trị, hoặc chọn không áp dụng, không chọn cả hai</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="25" />
        <source>{value:g} is not a whole number</source>
        <translation>{value:g} không phải là số nguyên</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="26" />
        <source>must be yes or no</source>
        <translation>phải là có hoặc không</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="27" />
        <source>{value!r} is not an option (options: {options})</source>
        <translation>{value!r} không có trong các lựa chọn ({options})</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="28" />
        <source>an option is chosen twice</source>
        <translation>một lựa chọn bị chọn hai lần</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="29" />
        <source>longer than {limit} characters</source>
        <translation>dài quá {limit} ký tự</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="30" />
        <source>points must be between 0 and {maximum:g}</source>
        <translation>điểm phải từ 0 đến {maximum:g}</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="31" />
        <source>{value:g} is below the minimum {minimum:g}</source>
        <translation>{value:g} nhỏ hơn giá trị tối thiểu {minimum:g}</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="32" />
        <source>{value:g} is above the maximum {maximum:g}</source>
        <translation>{value:g} lớn hơn giá trị tối đa {maximum:g}</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="33" />
        <source>a ratio needs both numerator and denominator</source>
        <translation>tỷ lệ cần cả tử số và mẫu số</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="34" />
        <source>must not be negative</source>
        <translation>không được là số âm</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="35" />
        <source>{a:g} is larger than the denominator {b:g}</source>
        <translation>tử số {a:g} lớn hơn mẫu số {b:g}</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="36" />
        <source>{value} is outside the plausible range {low}–{high}</source>
        <translation>{value} nằm ngoài khoảng hợp lý {low}–{high}</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="37" />
        <source>contains a control character (U+{char:04X}) at character {at}</source>
        <translation>chứa ký tự điều khiển (U+{char:04X}) ở ký tự thứ {at}</translation>
    </message>
    <message>
        <location filename="../../gui/answer_messages.py" line="38" />
        <source>contains an invalid character (a lone surrogate U+{char:04X}) at character {at}</source>
        <translation>chứa ký tự không hợp lệ (nửa cặp thay thế U+{char:04X}) ở ký tự thứ {at}</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="84" />
        <source>(value unconfirmed)</source>
        <translation>(giá trị chưa được xác nhận)</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="38" />
        <location filename="../../gui/dashboard/plots.py" line="88" />
        <source>met</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="38" />
        <location filename="../../gui/dashboard/plots.py" line="88" />
        <source>on track</source>
        <translation>đúng lộ trình</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="38" />
        <location filename="../../gui/dashboard/plots.py" line="89" />
        <source>behind</source>
        <translation>chậm</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="39" />
        <location filename="../../gui/city_view.py" line="209" />
        <location filename="../../gui/dashboard/plots.py" line="89" />
        <source>no data</source>
        <translation>không có số liệu</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="39" />
        <location filename="../../gui/dashboard/plots.py" line="88" />
        <source>baseline (first cycle)</source>
        <translation>năm gốc (chu kỳ đầu)</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="43" />
        <location filename="../../gui/main_window.py" line="178" />
        <source>Resolution 18</source>
        <translation>Nghị quyết 18</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="43" />
        <source>Programme / plan</source>
        <translation>Chương trình / kế hoạch</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="44" />
        <source>Year's plan</source>
        <translation>Kế hoạch năm</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="53" />
        <source>high</source>
        <translation>cao</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="53" />
        <source>medium</source>
        <translation>trung bình</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="54" />
        <source>low to medium</source>
        <translation>thấp đến trung bình</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="54" />
        <source>low</source>
        <translation>thấp</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="61" />
        <source>Target</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="61" />
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="61" />
        <source>City (latest)</source>
        <translation>Thành phố (mới nhất)</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="62" />
        <source>Projected</source>
        <translation>Dự kiến đạt</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="62" />
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="62" />
        <source>Confidence</source>
        <translation>Độ tin cậy</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="70" />
        <source>unconfirmed</source>
        <translation>chưa xác nhận</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="86" />
        <source>not enough cycles</source>
        <translation>chưa đủ số chu kỳ</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="159" />
        <source>No cycle in this database yet: every target reads “no data”.</source>
        <translation>Cơ sở dữ liệu chưa có chu kỳ nào: mọi mục tiêu đều “chưa có số liệu”.</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="174" />
        <source>(demo data)</source>
        <translation>(dữ liệu mẫu)</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="175" />
        <source>%1 targets of Resolution 18-NQ/TU and the plans under it — %2</source>
        <translation>%1 mục tiêu của Nghị quyết 18-NQ/TU và các kế hoạch thực hiện — %2</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="197" />
        <source>City</source>
        <translation>Thành phố</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="218" />
        <source>Hanoi's provincial DTI rank (1 = best) against the leading group</source>
        <translation>Thứ hạng DTI cấp tỉnh của Hà Nội (1 = cao nhất) so với nhóm dẫn đầu</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="226" />
        <source>leading group (top %1)</source>
        <translation>nhóm dẫn đầu (%1 tỉnh, thành phố đứng đầu)</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="234" />
        <source>Serves: %1</source>
        <translation>Phục vụ mục tiêu: %1</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="235" />
        <source>no public source</source>
        <translation>chưa có nguồn công khai</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="238" />
        <source>This value is not confirmed by a public source.</source>
        <translation>Giá trị này chưa được nguồn công khai nào xác nhận.</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="241" />
        <source>Derived from the units: %1 = %2 (%3 of %4); rule: %5</source>
        <translation>Dẫn xuất từ số liệu của các đơn vị: %1 = %2 (%3 trên %4); cách tính: %5</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="251" />
        <source>Units furthest behind:</source>
        <translation>Các đơn vị chậm nhất:</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="253" />
        <source>No unit is behind on the indicators that feed this target.</source>
        <translation>Không đơn vị nào chậm ở các chỉ số đóng góp cho mục tiêu này.</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="166" />
        <location filename="../../gui/dashboard/plots.py" line="210" />
        <source>Ranking: index per unit</source>
        <translation>Xếp hạng: chỉ số của từng đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="167" />
        <location filename="../../gui/dashboard/tables.py" line="86" />
        <source>Index</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="168" />
        <location filename="../../gui/dashboard/tables.py" line="86" />
        <source>Rank</source>
        <translation>Hạng</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="178" />
        <source>dxscore band goal: band 5, index ≥ 0.8</source>
        <translation>mốc của dxscore: mức 5, chỉ số ≥ 0,8</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="213" />
        <source>peer average %1</source>
        <translation>trung bình nhóm %1</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="240" />
        <source>Appraised index</source>
        <translation>Chỉ số thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="249" />
        <source>Heatmap: pillar index per unit</source>
        <translation>Bản đồ nhiệt: chỉ số nhóm của từng đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="256" />
        <source>pillar index</source>
        <translation>chỉ số nhóm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="319" />
        <source>Distribution per pillar</source>
        <translation>Phân bố theo nhóm chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="320" />
        <source>Pillar index</source>
        <translation>Chỉ số nhóm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="336" />
        <source>(left out)</source>
        <translation>(không tính)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="399" />
        <source>Targets: status per unit</source>
        <translation>Mục tiêu: tình trạng của từng đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/plots.py" line="447" />
        <source>not linked or not applicable</source>
        <translation>không gắn chỉ tiêu hoặc không áp dụng</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/radar.py" line="26" />
        <source>Radar: pillars against peers</source>
        <translation>Radar: các nhóm chỉ số so với đơn vị cùng loại</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/radar.py" line="33" />
        <location filename="../../gui/dashboard/radar.py" line="126" />
        <location filename="../../gui/dashboard/radar.py" line="128" />
        <source>selected unit</source>
        <translation>đơn vị đang chọn</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/radar.py" line="35" />
        <source>peer average</source>
        <translation>trung bình nhóm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/radar.py" line="36" />
        <location filename="../../gui/dashboard/radar.py" line="60" />
        <source>best unit</source>
        <translation>đơn vị cao nhất</translation>
    </message>
    <message>
        <location filename="../../gui/cycle_view.py" line="96" />
        <location filename="../../gui/review.py" line="71" />
        <location filename="../../gui/dashboard/tables.py" line="86" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="39" />
        <location filename="../../gui/review.py" line="71" />
        <location filename="../../gui/review.py" line="161" />
        <source>Self-assessed</source>
        <translation>Tự đánh giá</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="39" />
        <location filename="../../gui/review.py" line="71" />
        <location filename="../../gui/dashboard/tables.py" line="86" />
        <source>Appraised</source>
        <translation>Thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="39" />
        <source>Decided by</source>
        <translation>Người quyết định</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="58" />
        <source>Inspector {name}</source>
        <translation>Cán bộ thẩm định {name}</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="58" />
        <source>Inspector</source>
        <translation>Cán bộ thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="60" />
        <source>adjusted</source>
        <translation>điều chỉnh</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="60" />
        <source>kept</source>
        <translation>giữ nguyên</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="61" />
        <source>Council, meeting of {day}: {outcome} (for {yes}, against {no}, abstained {abstain})</source>
        <translation>Hội đồng thẩm định, phiên họp ngày {day}: {outcome} (tán thành {yes}, không tán thành {no}, không biểu quyết {abstain})</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="68" />
        <source>Published: not ranked (no appraised result)</source>
        <translation>Công bố: không xếp hạng (chưa có kết quả thẩm định)</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="69" />
        <source>Published rank {rank}/{peers}</source>
        <translation>Xếp hạng công bố {rank}/{peers}</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="71" />
        <source>(sub-group {rank}/{peers})</source>
        <translation>(nhóm {rank}/{peers})</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="78" />
        <source>publication {n} is held here with other figures: a publication never changes</source>
        <translation>lần công bố {n} đã có ở đây với số liệu khác: kết quả đã công bố không bao giờ thay đổi</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="80" />
        <source>publication {n} of {year} ({number}): {rank}, {count} adjusted indicator(s)</source>
        <translation>công bố lần {n} năm {year} ({number}): {rank}, {count} chỉ tiêu được điều chỉnh</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="147" />
        <source>appraised index {appraised} (self-assessed {own})</source>
        <translation>chỉ số thẩm định {appraised} (tự đánh giá {own})</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="149" />
        <source>Decision {number} of {day}, publication {n}</source>
        <translation>Quyết định số {number} ngày {day}, công bố lần {n}</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="157" />
        <source>publication {n} ({number}): superseded</source>
        <translation>công bố lần {n} ({number}): đã được thay thế</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="159" />
        <source>Also received:</source>
        <translation>Đã nhận thêm:</translation>
    </message>
    <message>
        <location filename="../../gui/published_view.py" line="170" />
        <source>adjusted: {before} → {after} points</source>
        <translation>điều chỉnh: {before} → {after} điểm</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="184" />
        <location filename="../../gui/published_view.py" line="39" />
        <location filename="../../gui/review.py" line="71" />
        <location filename="../../gui/review.py" line="163" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="72" />
        <location filename="../../gui/review.py" line="164" />
        <source>Comment to the unit</source>
        <translation>Ý kiến gửi đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="72" />
        <location filename="../../gui/review.py" line="167" />
        <source>Unit's reply</source>
        <translation>Giải trình của đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="111" />
        <source> (not sent yet)</source>
        <translation> (chưa gửi)</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="135" />
        <source>Appraise %1</source>
        <translation>Thẩm định %1</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="138" />
        <source>Set appraised points</source>
        <translation>Chấm điểm thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="153" />
        <source>Why these points (required)</source>
        <translation>Lý do chấm điểm này (bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="156" />
        <source>What the unit should correct (sent when the assessment is returned)</source>
        <translation>Nội dung đơn vị cần chỉnh sửa (gửi khi trả lại phiếu)</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="166" />
        <source>Last comment sent</source>
        <translation>Ý kiến đã gửi gần nhất</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="194" />
        <source>Give the reason for the appraised points: it is kept with them.</source>
        <translation>Hãy nêu lý do chấm điểm thẩm định: lý do được lưu cùng điểm.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="206" />
        <source>Reply on %1</source>
        <translation>Giải trình về %1</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="213" />
        <source>What the unit corrected, or why it keeps its answer</source>
        <translation>Đơn vị đã chỉnh sửa gì, hoặc vì sao giữ nguyên câu trả lời</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="220" />
        <source>Inspector's comment</source>
        <translation>Ý kiến của thẩm định viên</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="221" />
        <source>Reply</source>
        <translation>Giải trình</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="231" />
        <source>The reply is empty.</source>
        <translation>Nội dung giải trình đang để trống.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="254" />
        <source>Reason (kept in the audit trail):</source>
        <translation>Lý do (ghi vào nhật ký thay đổi):</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="255" />
        <source>Choose a unit on the left to review its assessment.</source>
        <translation>Chọn một đơn vị ở danh sách bên trái để thẩm định phiếu đánh giá.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="268" />
        <source>Save the return package…</source>
        <translation>Lưu gói trả lại đơn vị…</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="279" />
        <source>Indicators under review</source>
        <translation>Các chỉ số đang thẩm định</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="296" />
        <source>History of the assessment's states</source>
        <translation>Lịch sử trạng thái của phiếu đánh giá</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="302" />
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="345" />
        <source>No assessment yet: nothing has been entered or imported for this unit in this cycle.</source>
        <translation>Chưa có phiếu đánh giá: đơn vị chưa nhập hoặc chưa được nhập dữ liệu trong chu kỳ này.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="355" />
        <source>Self-assessed: %1 / %2 points, index %3</source>
        <translation>Tự đánh giá: %1 / %2 điểm, chỉ số %3</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="358" />
        <source>Appraised: %1 points, index %2</source>
        <translation>Thẩm định: %1 điểm, chỉ số %2</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="375" />
        <source>The unit has not submitted yet.</source>
        <translation>Đơn vị chưa nộp phiếu.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="376" />
        <source>Submitted: start the review to appraise points and write comments.</source>
        <translation>Đã nộp: bắt đầu thẩm định để chấm điểm và ghi ý kiến.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="377" />
        <source>Resubmitted: review it again or appraise it as it stands.</source>
        <translation>Đã nộp lại: thẩm định lại hoặc chốt kết quả như hiện tại.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="378" />
        <source>Double-click an indicator to set appraised points (with a reason) or a comment for the unit.</source>
        <translation>Nhấp đúp vào một chỉ số để chấm điểm thẩm định (kèm lý do) hoặc ghi ý kiến cho đơn vị.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="380" />
        <source>Returned to the unit: double-click a commented indicator to reply, then resubmit on the Data entry tab.</source>
        <translation>Đã trả lại đơn vị: nhấp đúp vào chỉ số có ý kiến để giải trình, sau đó nộp lại ở thẻ Nhập liệu.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="382" />
        <source>Appraised: lock it, or reopen the review with a reason.</source>
        <translation>Đã thẩm định: khóa kết quả, hoặc mở lại thẩm định kèm lý do.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="383" />
        <source>Locked: unlock it with a reason to change anything.</source>
        <translation>Đã khóa: muốn thay đổi phải mở khóa kèm lý do.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="407" />
        <source>A reason is required for this step.</source>
        <translation>Bước này bắt buộc phải có lý do.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="411" />
        <source>Write at least one comment for the unit first (double-click an indicator).</source>
        <translation>Hãy ghi ít nhất một ý kiến cho đơn vị trước (nhấp đúp vào một chỉ số).</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="448" />
        <source>Nothing to change on %1 while the assessment is %2.</source>
        <translation>Không thể thay đổi %1 khi phiếu đánh giá đang ở trạng thái %2.</translation>
    </message>
    <message>
        <location filename="../../gui/review.py" line="468" />
        <source>package %1 from %2</source>
        <translation>gói %1 từ %2</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="182" />
        <location filename="../../gui/cycle_view.py" line="96" />
        <location filename="../../gui/packages.py" line="139" />
        <location filename="../../gui/dashboard/tables.py" line="86" />
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="86" />
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="86" />
        <source>Band</source>
        <translation>Mức</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="46" />
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="47" />
        <source>unchanged (already imported)</source>
        <translation>không đổi (đã nhập trước đó)</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="48" />
        <source>changed: replaces what is here</source>
        <translation>thay đổi: thay thế dữ liệu hiện có</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="49" />
        <source>conflict</source>
        <translation>xung đột</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="50" />
        <source>rejected</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="57" />
        <source>the file is damaged or not a package</source>
        <translation>tệp bị hỏng hoặc không phải gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="58" />
        <source>the package holds a file with an unsafe path</source>
        <translation>gói chứa tệp có đường dẫn không an toàn</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="59" />
        <source>the package is larger than allowed</source>
        <translation>gói lớn hơn giới hạn cho phép</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="60" />
        <source>unknown package format version</source>
        <translation>phiên bản định dạng gói không được hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="61" />
        <source>the signature is missing or does not match</source>
        <translation>chữ ký bị thiếu hoặc không khớp</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="62" />
        <source>signed with a key not registered for this signer</source>
        <translation>được ký bằng khóa không đăng ký cho bên ký này</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="63" />
        <source>a return is only for the unit's own database</source>
        <translation>gói trả lại chỉ dành cho cơ sở dữ liệu của chính đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="64" />
        <source>a publication package is only for the unit's own database</source>
        <translation>gói công bố chỉ dành cho cơ sở dữ liệu của chính đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="65" />
        <source>the submission is incomplete</source>
        <translation>hồ sơ nộp chưa đầy đủ</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="66" />
        <source>signed by the wrong party</source>
        <translation>được ký bởi bên không đúng thẩm quyền</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="67" />
        <source>the methodology differs from this database's</source>
        <translation>bộ tiêu chí khác với bộ tiêu chí trong cơ sở dữ liệu này</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="68" />
        <source>the unit is unknown here</source>
        <translation>đơn vị không có trong cơ sở dữ liệu này</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="69" />
        <source>the cycle is not assessed here</source>
        <translation>chu kỳ này không được đánh giá ở đây</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="70" />
        <source>the content is invalid</source>
        <translation>nội dung không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="74" />
        <source>value</source>
        <translation>giá trị</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="74" />
        <source>numerator</source>
        <translation>tử số</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="75" />
        <source>denominator</source>
        <translation>mẫu số</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="75" />
        <source>choices</source>
        <translation>lựa chọn</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="76" />
        <source>points</source>
        <translation>điểm</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="77" />
        <source>comment</source>
        <translation>ghi chú</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="77" />
        <source>evidence</source>
        <translation>minh chứng</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="92" />
        <source>the same as held here</source>
        <translation>giống dữ liệu hiện có</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="98" />
        <source>no assessment here for this return to apply to</source>
        <translation>không có phiếu đánh giá nào ở đây để áp dụng gói trả lại này</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="100" />
        <source>the assessment is %1 here: return it to the unit before accepting a new submission</source>
        <translation>phiếu đánh giá ở đây đang ở trạng thái %1: hãy trả lại đơn vị trước khi nhận bản nộp mới</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="102" />
        <source>the assessment is %1 here: a return applies only to a submitted assessment</source>
        <translation>phiếu đánh giá ở đây đang ở trạng thái %1: gói trả lại chỉ áp dụng cho phiếu đã nộp</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="105" />
        <source>first submission: %1 answer(s)</source>
        <translation>nộp lần đầu: %1 câu trả lời</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="106" />
        <source>%1 answer(s) and %2 reply(ies) differ from those held here</source>
        <translation>%1 câu trả lời và %2 giải trình khác với dữ liệu hiện có</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="107" />
        <source>%2 comment(s) from the inspectors</source>
        <translation>%2 ý kiến của thẩm định viên</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="111" />
        <source>%1 would replace what is held here</source>
        <translation>%1 mục sẽ thay thế dữ liệu hiện có</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="123" />
        <source>not trusted: the new key of %1 was not ticked</source>
        <translation>không tin cậy: khóa mới của %1 chưa được đánh dấu</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="174" />
        <source>, new key of %1</source>
        <translation>, khóa mới của %1</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="371" />
        <source>Tick the packages to apply that replace answers held here; the others are not written.</source>
        <translation>Đánh dấu các gói sẽ thay thế câu trả lời đang có ở đây để áp dụng; các gói khác không được ghi.</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="374" />
        <source>Packages signed with a new key are written only when their signer is ticked in the list of new keys.</source>
        <translation>Gói được ký bằng khóa mới chỉ được ghi khi bên ký được đánh dấu trong danh sách khóa mới.</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="392" />
        <source>Signed as &lt;b&gt;%1&lt;/b&gt; with a key registered to nobody here, fingerprint &lt;b&gt;%2&lt;/b&gt;: read it out with the unit before you tick %1 in the list of new keys.</source>
        <translation>Ký với danh nghĩa &lt;b&gt;%1&lt;/b&gt; bằng một khóa chưa đăng ký cho ai ở đây, dấu vân tay &lt;b&gt;%2&lt;/b&gt;: hãy đọc đối chiếu với đơn vị trước khi đánh dấu %1 trong danh sách khóa mới.</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="396" />
        <source>The key (fingerprint %2) is registered here to &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Khóa (dấu vân tay %2) đã được đăng ký ở đây cho &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="543" />
        <source>The audit trail is intact and the answers, evidence and appraisals match it: %1 rows. Write down its head to check this database later: %2</source>
        <translation>Nhật ký kiểm toán nguyên vẹn và câu trả lời, minh chứng, điểm thẩm định khớp với nhật ký: %1 dòng. Hãy ghi lại mã đầu chuỗi để kiểm tra cơ sở dữ liệu này về sau: %2</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="549" />
        <source>The tables differ from the audit trail (%1 difference(s)); the first: %2</source>
        <translation>Dữ liệu trong các bảng khác với nhật ký kiểm toán (%1 chỗ khác); chỗ đầu tiên: %2</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="125" />
        <source>not confirmed: it would replace what is held here and was not ticked</source>
        <translation>chưa xác nhận: gói sẽ thay thế dữ liệu hiện có nhưng chưa được đánh dấu</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="139" />
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="139" />
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="139" />
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="140" />
        <location filename="../../gui/packages.py" line="216" />
        <source>Key fingerprint</source>
        <translation>Dấu vân tay khóa</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="176" />
        <source>imported</source>
        <translation>đã nhập</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="176" />
        <source>not imported</source>
        <translation>không nhập</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="216" />
        <source>Trust</source>
        <translation>Tin cậy</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="216" />
        <source>Signer</source>
        <translation>Bên ký</translation>
    </message>
    <message>
        <location filename="../../gui/council_dialogs.py" line="183" />
        <location filename="../../gui/packages.py" line="252" />
        <location filename="../../gui/published_view.py" line="39" />
        <location filename="../../gui/review.py" line="71" />
        <location filename="../../gui/dashboard/tables.py" line="140" />
        <location filename="../../gui/dashboard/tables.py" line="150" />
        <source>Indicator</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="252" />
        <location filename="../../gui/dashboard/tables.py" line="140" />
        <location filename="../../gui/dashboard/tables.py" line="150" />
        <source>Question</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="252" />
        <source>In this database</source>
        <translation>Trong cơ sở dữ liệu này</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="252" />
        <source>In the package</source>
        <translation>Trong gói</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="253" />
        <source>What differs</source>
        <translation>Nội dung khác nhau</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="264" />
        <source>comment, round %1</source>
        <translation>ý kiến, lượt %1</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="264" />
        <source>reply, round %1</source>
        <translation>giải trình, lượt %1</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="291" />
        <location filename="../../gui/packages.py" line="505" />
        <source>Import packages</source>
        <translation>Nhập gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="299" />
        <source>Packages to import</source>
        <translation>Các gói cần nhập</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="309" />
        <source>Keys new to this database: read each fingerprint out with its signer (by phone), then tick only the ones that match. Inspector keys come only from a key list.</source>
        <translation>Các khóa mới đối với cơ sở dữ liệu này: đọc đối chiếu từng dấu vân tay với bên ký (qua điện thoại), rồi chỉ đánh dấu những khóa khớp. Khóa của cán bộ thẩm định chỉ được nhận từ danh sách khóa.</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="315" />
        <source>New keys to trust, one per signer</source>
        <translation>Các khóa mới cần tin cậy, mỗi bên ký một khóa</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="324" />
        <source>Select a package to see what it would change.</source>
        <translation>Chọn một gói để xem những gì sẽ thay đổi.</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="330" />
        <source>Differences, side by side</source>
        <translation>So sánh khác biệt</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="338" />
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="343" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="369" />
        <source>%1 package(s): %2.</source>
        <translation>%1 gói: %2.</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="385" />
        <source>Rejected, nothing will be written: %1</source>
        <translation>Bị từ chối, không ghi gì: %1</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="387" />
        <source>No differences with this database.</source>
        <translation>Không có khác biệt với cơ sở dữ liệu này.</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="389" />
        <source>%1 — state here: %2, in the package: %3. Differences:</source>
        <translation>%1 — trạng thái ở đây: %2, trong gói: %3. Khác biệt:</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="415" />
        <source>%1 of %2 package(s) imported. The others were not written; the Details column says why.</source>
        <translation>Đã nhập %1 trên %2 gói. Các gói khác không được ghi; cột Chi tiết nêu lý do.</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="454" />
        <source>Save the submission package</source>
        <translation>Lưu gói dữ liệu để nộp</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="455" />
        <location filename="../../gui/packages.py" line="467" />
        <source>dxscore package (*.dxpkg)</source>
        <translation>Gói dữ liệu dxscore (*.dxpkg)</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="458" />
        <source>Send this file to the city. When the inspector imports it for the first time, read this fingerprint out to them over the phone:</source>
        <translation>Gửi tệp này lên Thành phố. Khi thẩm định viên nhập lần đầu, hãy đọc dấu vân tay này qua điện thoại để đối chiếu:</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="466" />
        <source>Save the return package</source>
        <translation>Lưu gói trả lại đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="470" />
        <source>Send this file back to the unit. The inspector's key fingerprint is:</source>
        <translation>Gửi tệp này lại cho đơn vị. Dấu vân tay khóa của thẩm định viên là:</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="476" />
        <source>Saved %1 (%2 answers, %3 evidence files).</source>
        <translation>Đã lưu %1 (%2 câu trả lời, %3 tệp minh chứng).</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="478" />
        <source>Package saved</source>
        <translation>Đã lưu gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="491" />
        <source>Signing key</source>
        <translation>Khóa ký</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="492" />
        <source>The signing key of %1 on this computer has the fingerprint:</source>
        <translation>Khóa ký của %1 trên máy này có dấu vân tay:</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="506" />
        <source>dxscore package (*.dxpkg);;All files (*)</source>
        <translation>Gói dữ liệu dxscore (*.dxpkg);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="524" />
        <source>Import a key list</source>
        <translation>Nhập danh sách khóa</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="525" />
        <source>Key list (*.json *.keys);;All files (*)</source>
        <translation>Danh sách khóa (*.json *.keys);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="532" />
        <source>Key list</source>
        <translation>Danh sách khóa</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="533" />
        <source>%1 key(s) registered, %2 already known.</source>
        <translation>Đã đăng ký %1 khóa, %2 khóa đã có từ trước.</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="542" />
        <location filename="../../gui/packages.py" line="548" />
        <location filename="../../gui/packages.py" line="552" />
        <source>Audit trail</source>
        <translation>Nhật ký thay đổi</translation>
    </message>
    <message>
        <location filename="../../gui/packages.py" line="553" />
        <source>The audit trail has been altered: row %1 does not match (%2).</source>
        <translation>Nhật ký thay đổi đã bị sửa: dòng %1 không khớp (%2).</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="61" />
        <location filename="../../gui/dashboard/tables.py" line="87" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="140" />
        <source>Points lost</source>
        <translation>Điểm bị mất</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="140" />
        <source>Index gain</source>
        <translation>Chỉ số tăng thêm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="140" />
        <source>In the plan</source>
        <translation>Trong kế hoạch</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="143" />
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="150" />
        <source>Full marks</source>
        <translation>Đạt tối đa</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="150" />
        <source>Partial</source>
        <translation>Một phần</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="150" />
        <source>Zero</source>
        <translation>Không điểm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="151" />
        <source>No answer</source>
        <translation>Chưa trả lời</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="160" />
        <source>District</source>
        <translation>Quận, huyện, thị xã</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="160" />
        <source>2024 index (assessed)</source>
        <translation>Chỉ số 2024 (đã đánh giá)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="160" />
        <source>2025 index (derived from communes)</source>
        <translation>Chỉ số 2025 (suy ra từ các xã, phường)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="161" />
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/tables.py" line="161" />
        <source>Communes counted</source>
        <translation>Số xã, phường tính vào</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="26" />
        <source>Target-linked indicator</source>
        <translation>Chỉ số gắn với mục tiêu</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="29" />
        <source>Index across cycles</source>
        <translation>Chỉ số qua các chu kỳ</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="35" />
        <source>Indicator against its targets</source>
        <translation>Chỉ số so với mục tiêu</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="38" />
        <source>value reported</source>
        <translation>giá trị báo cáo</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="40" />
        <source>projection at the current pace</source>
        <translation>dự báo theo tốc độ hiện tại</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="42" />
        <source>target (2025, 2030)</source>
        <translation>mục tiêu (2025, 2030)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="92" />
        <source>reaches the last target in %1 at this pace</source>
        <translation>đạt mục tiêu cuối vào năm %1 nếu giữ tốc độ này</translation>
    </message>
    <message>
        <location filename="../../gui/city_view.py" line="87" />
        <location filename="../../gui/dashboard/trend.py" line="94" />
        <source>not at this pace</source>
        <translation>không đạt nếu giữ tốc độ này</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trend.py" line="96" />
        <source>one cycle: no projection yet</source>
        <translation>mới có một chu kỳ: chưa dự báo được</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="61" />
        <source>whole area and population</source>
        <translation>toàn bộ diện tích và dân số</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="62" />
        <source>part of the area, all of the population</source>
        <translation>một phần diện tích, toàn bộ dân số</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="63" />
        <source>the remainder</source>
        <translation>phần còn lại</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="64" />
        <source>part of the area and population</source>
        <translation>một phần diện tích và dân số</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="65" />
        <source>area without population</source>
        <translation>diện tích không có dân cư</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="141" />
        <source>Kind of unit</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="144" />
        <source>Part of the group</source>
        <translation>Một phần của nhóm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="146" />
        <source>Filter units…</source>
        <translation>Lọc đơn vị…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="147" />
        <source>Filter units</source>
        <translation>Lọc đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="155" />
        <source>Export chart…</source>
        <translation>Xuất biểu đồ…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="157" />
        <source>Export table…</source>
        <translation>Xuất bảng…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="160" />
        <source>Peer group</source>
        <translation>Nhóm so sánh</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="185" />
        <source>Order the heatmap by</source>
        <translation>Sắp xếp bản đồ nhiệt theo</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="199" />
        <source>next band</source>
        <translation>mức kế tiếp</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="200" />
        <location filename="../../gui/dashboard/view.py" line="203" />
        <source>Goal index</source>
        <translation>Chỉ số mục tiêu</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="235" />
        <source>Ranking</source>
        <translation>Xếp hạng</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="235" />
        <source>Radar</source>
        <translation>Radar</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="236" />
        <source>Heatmap</source>
        <translation>Bản đồ nhiệt</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="236" />
        <source>Trend</source>
        <translation>Xu hướng</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="237" />
        <source>Distribution</source>
        <translation>Phân bố</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="237" />
        <source>Targets</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="238" />
        <source>Gap planner</source>
        <translation>Cải thiện điểm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="239" />
        <source>Indicators</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="240" />
        <source>Former districts</source>
        <translation>Quận, huyện cũ</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="293" />
        <source>Whole group</source>
        <translation>Cả nhóm</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="329" />
        <source>overall index</source>
        <translation>chỉ số chung</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="342" />
        <source>DEMO DATA — </source>
        <translation>DỮ LIỆU MẪU — </translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="343" />
        <source>%1 units compared within their peer group: %2, cycle %3. Goal line: dxscore's top band (band 5, index ≥ 0.8), not Resolution 18's “leading group”, which is Hanoi's rank among the provinces (Resolution 18 tab).</source>
        <translation>So sánh %1 đơn vị trong cùng nhóm: %2, chu kỳ %3. Đường mốc: mức cao nhất của dxscore (mức 5, chỉ số ≥ 0,8), không phải “nhóm dẫn đầu” của Nghị quyết 18 — đó là thứ hạng của Hà Nội giữa các tỉnh, thành phố (thẻ Nghị quyết 18).</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="446" />
        <source>%1 is in the highest band: the table lists where it still loses points.</source>
        <translation>%1 đã ở mức cao nhất: bảng liệt kê những chỉ số còn bị mất điểm.</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="448" />
        <source>%1 needs %2 more points to reach index %3; full marks on the %4 marked indicator(s) would bring them.</source>
        <translation>%1 cần thêm %2 điểm để đạt chỉ số %3; đạt tối đa ở %4 chỉ số được đánh dấu là đủ.</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="451" />
        <source>%1 cannot reach index %3 even with full marks everywhere it can still gain.</source>
        <translation>%1 không thể đạt chỉ số %3 dù đạt tối đa ở mọi chỉ số còn có thể tăng điểm.</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="476" />
        <source>DERIVED, not assessed: each former district's 2025 index is the average of the indices of the communes formed from its territory, each weighted by what it took from the district (NQ 1656/NQ-UBTVQH15 lineage; weights by part: %1). The 2024 column is the district's own assessment.</source>
        <translation>SỐ LIỆU SUY RA, không phải kết quả đánh giá: chỉ số 2025 của mỗi quận, huyện, thị xã cũ là trung bình chỉ số của các xã, phường được hình thành từ địa bàn của nó, có trọng số theo phần đã nhận từ quận, huyện đó (theo Nghị quyết 1656/NQ-UBTVQH15; trọng số theo phần: %1). Cột 2024 là kết quả đánh giá của chính quận, huyện.</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="490" />
        <source>%1 — %2, cycle %3</source>
        <translation>%1 — %2, chu kỳ %3</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="494" />
        <source>Unit chosen: %1</source>
        <translation>Đơn vị được chọn: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="506" />
        <source>Export chart</source>
        <translation>Xuất biểu đồ</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/view.py" line="514" />
        <source>Export table</source>
        <translation>Xuất bảng</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="69" />
        <source>Save the scorecard</source>
        <translation>Lưu phiếu điểm</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="71" />
        <source>Writing the scorecard…</source>
        <translation>Đang tạo phiếu điểm…</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="75" />
        <source>Save the booklet</source>
        <translation>Lưu tập báo cáo</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="77" />
        <source>Writing the booklet…</source>
        <translation>Đang tạo tập báo cáo…</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="81" />
        <source>Folder for one PDF per unit</source>
        <translation>Thư mục lưu phiếu điểm của từng đơn vị</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="84" />
        <source>Writing one scorecard per unit…</source>
        <translation>Đang tạo phiếu điểm của từng đơn vị…</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="88" />
        <source>Save the scores as Excel</source>
        <translation>Lưu điểm ra tệp Excel</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="90" />
        <source>Writing the workbook…</source>
        <translation>Đang tạo tệp Excel…</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="99" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="122" />
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="127" />
        <location filename="../../gui/reports.py" line="143" />
        <source>Report saved</source>
        <translation>Đã lưu báo cáo</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="131" />
        <source>Open the folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <location filename="../../gui/reports.py" line="141" />
        <source>The folder could not be opened: no file manager answered on this computer. The file is in %1</source>
        <translation>Không mở được thư mục: máy này không có trình quản lý tệp nào phản hồi. Tệp nằm trong %1</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/marks.py" line="24" />
        <source>No data yet</source>
        <translation>Chưa có dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gui/plausibility.py" line="21" />
        <source>%1: %2; keep it?</source>
        <translation>%1: %2; vẫn giữ giá trị này?</translation>
    </message>
    <message>
        <location filename="../../gui/plausibility.py" line="22" />
        <source>Unusual value</source>
        <translation>Giá trị bất thường</translation>
    </message>
    <message>
        <location filename="../../gui/changes.py" line="151" />
        <source>Not saved: %1 was changed elsewhere; choose which value to keep.</source>
        <translation>Chưa lưu: %1 đã bị thay đổi ở nơi khác; hãy chọn giá trị cần giữ.</translation>
    </message>
    <message>
        <location filename="../../gui/changes.py" line="156" />
        <source>Changed elsewhere while you were editing: not saved yet.</source>
        <translation>Đã bị thay đổi ở nơi khác trong khi bạn đang sửa: chưa lưu.</translation>
    </message>
    <message>
        <location filename="../../gui/methodology_files.py" line="29" />
        <location filename="../../gui/methodology_files.py" line="83" />
        <source>Methodology</source>
        <translation>Bộ chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/methodology_files.py" line="32" />
        <source>Export a methodology to Excel…</source>
        <translation>Xuất bộ chỉ số ra Excel…</translation>
    </message>
    <message>
        <location filename="../../gui/methodology_files.py" line="33" />
        <source>Install a methodology from Excel…</source>
        <translation>Cài đặt bộ chỉ số từ tệp Excel…</translation>
    </message>
    <message>
        <location filename="../../gui/methodology_files.py" line="42" />
        <location filename="../../gui/methodology_files.py" line="65" />
        <source>Export the methodology</source>
        <translation>Xuất bộ chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/methodology_files.py" line="48" />
        <source>The methodology %1 was written to %2.</source>
        <translation>Đã ghi bộ chỉ số %1 vào %2.</translation>
    </message>
    <message>
        <location filename="../../gui/methodology_files.py" line="52" />
        <source>Install a methodology</source>
        <translation>Cài đặt bộ chỉ số</translation>
    </message>
    <message>
        <location filename="../../gui/methodology_files.py" line="58" />
        <source>The methodology %1 %2 was installed; it is used from now on for the units and cycles it applies to.</source>
        <translation>Đã cài đặt bộ chỉ số %1 %2; từ nay bộ chỉ số này được dùng cho các đơn vị và kỳ đánh giá mà nó áp dụng.</translation>
    </message>
    <message>
        <location filename="../../gui/methodology_files.py" line="59" />
        <source>The methodology %1 %2 was installed already.</source>
        <translation>Bộ chỉ số %1 %2 đã được cài đặt từ trước.</translation>
    </message>
    <message>
        <location filename="../../gui/methodology_files.py" line="65" />
        <source>Methodology:</source>
        <translation>Bộ chỉ số:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../gui/qt_texts.py" line="73" />
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="74" />
        <source>Drive</source>
        <translation>Ổ đĩa</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../gui/qt_texts.py" line="36" />
        <source>&amp;Look in:</source>
        <translation>&amp;Tìm trong:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="37" />
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="38" />
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="39" />
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="40" />
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="41" />
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="42" />
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="43" />
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="44" />
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="45" />
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="46" />
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="47" />
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp &amp;ẩn</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="48" />
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="49" />
        <source>Back</source>
        <translation>Lùi</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="50" />
        <source>Forward</source>
        <translation>Tiến</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="51" />
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="52" />
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="53" />
        <source>Create a New Folder</source>
        <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="54" />
        <source>List View</source>
        <translation>Dạng danh sách</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="55" />
        <source>Detail View</source>
        <translation>Dạng chi tiết</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="56" />
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="57" />
        <source>Go forward</source>
        <translation>Đi tiếp</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="58" />
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="59" />
        <source>Change to list view mode</source>
        <translation>Chuyển sang dạng danh sách</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="60" />
        <source>Change to detail view mode</source>
        <translation>Chuyển sang dạng chi tiết</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="61" />
        <source>List of places and bookmarks</source>
        <translation>Danh sách vị trí và dấu trang</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="62" />
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="63" />
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="64" />
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="65" />
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Bạn có muốn thay thế tệp này không?</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="66" />
        <source>Are you sure you want to delete '%1'?</source>
        <translation>Bạn có chắc muốn xóa '%1'?</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="67" />
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../gui/qt_texts.py" line="68" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="69" />
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="70" />
        <source>Type</source>
        <comment>All other platforms</comment>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="71" />
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="72" />
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <location filename="../../gui/qt_texts.py" line="77" />
        <source>Enter a value:</source>
        <translation>Nhập một giá trị:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../../gui/qt_texts.py" line="78" />
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="79" />
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="80" />
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="81" />
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="82" />
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="83" />
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="84" />
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../gui/qt_texts.py" line="75" />
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="76" />
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../gui/qt_texts.py" line="18" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="19" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="20" />
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="21" />
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="22" />
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="23" />
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="24" />
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="25" />
        <source>N&amp;o to All</source>
        <translation>K&amp;hông với tất cả</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="26" />
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="27" />
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="28" />
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="29" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="30" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="31" />
        <source>Discard</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="32" />
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="33" />
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="34" />
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="35" />
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location filename="../../gui/qt_texts.py" line="85" />
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="86" />
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="87" />
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="88" />
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="89" />
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="90" />
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../gui/qt_texts.py" line="91" />
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
</TS>
