"""The Vietnamese of the messages the core gives a user: errors it raises (`BadInput`, `NotFound`, `PackageRejected`,
`StorageError`, …), a package preview's reasons, and the words they carry (unit kinds, states). Keys are the English
templates exactly as the core writes them, an f-string's values as {fields}; a finished message is matched against
them by `assessment.domain.translation` (the CLI and the window both print through it).
tests/test_core_messages.py fails on a message raised in the core that no template here matches."""

from __future__ import annotations

CORE_VI: dict[str, str] = {
    # words: unit kinds and sub-types, states, decisions, target levels and confidence, yes/no
    "department": "sở, ban, ngành", "district": "quận, huyện", "commune": "xã, phường", "city": "thành phố",
    "equivalent": "cơ quan tương đương sở", "urban_district": "quận", "rural_district": "huyện", "town": "thị xã",
    "ward": "phường",
    "draft": "đang nhập", "submitted": "đã nộp", "under_review": "đang thẩm định", "returned": "trả lại",
    "resubmitted": "đã nộp lại", "appraised": "đã thẩm định", "locked": "đã khóa",
    "kept": "giữ nguyên", "adjusted": "điều chỉnh",
    "index": "chỉ số", "rank": "thứ hạng", "status": "trạng thái", "added": "thêm", "removed": "bỏ",
    "resolution": "nghị quyết", "plan": "chương trình, kế hoạch", "annual_plan": "kế hoạch năm",
    "national": "quốc gia", "context": "tham khảo",
    "high": "cao", "medium": "trung bình", "low_medium": "thấp đến trung bình", "low": "thấp",
    "yes": "có", "no": "không", "none": "không có", "open": "đang mở", "round {round}": "vòng {round}",
    # package previews (outcomes and the core's reasons)
    "new": "mới", "unchanged": "không đổi", "changed": "thay đổi", "conflict": "xung đột", "rejected": "từ chối",
    "the same as held here": "giống dữ liệu đang có ở đây",
    "first submission": "lần nộp đầu tiên",
    "already imported ({at} by {who})": "đã nhập trước đó ({at} bởi {who})",
    "{answers} answer(s), {notes} note(s) differ from those held here":
        "{answers} câu trả lời, {notes} ý kiến khác với dữ liệu đang có ở đây",
    "{answers} answer(s), {notes} note(s) differ from those held here; {n} would replace what is held here":
        "{answers} câu trả lời, {notes} ý kiến khác với dữ liệu đang có ở đây; {n} sẽ thay thế dữ liệu đang có",
    "{n} comment(s) from {who}": "{n} ý kiến của {who}",
    "a newer package for {unit} {cycle} is in this import ({file})":
        "lần nhập này có một gói mới hơn cho {unit} {cycle} ({file})",
    "older than the package of {at} already imported for {unit} {cycle}":
        "cũ hơn gói ngày {at} đã nhập cho {unit} {cycle}",
    "no {cycle} assessment of {unit} here for this return to apply to":
        "ở đây không có bản đánh giá kỳ {cycle} của {unit} để áp dụng gói trả lại này",
    "the assessment is {state} here: return it to the unit before accepting a new submission":
        "bản đánh giá ở đây đang {state}: hãy trả lại đơn vị trước khi nhận bản nộp mới",
    "the assessment is {state} here: a return applies only to a submitted assessment":
        "bản đánh giá ở đây đang {state}: gói trả lại chỉ áp dụng cho bản đánh giá đã nộp",
    "another package with the same id was imported before: this one was altered or forged":
        "một gói cùng mã đã được nhập trước đó: gói này đã bị sửa đổi hoặc giả mạo",
    # the core's common refusals (finished messages matched by `translated`)
    "no unit with code {code!r}": "không có đơn vị mã {code!r}",
    "a unit with code {code!r} already exists": "đã có đơn vị mã {code!r}",
    "{unit} has no assessment in cycle {year}": "{unit} không có bản đánh giá trong kỳ {year}",
    "{unit} has no assessment in cycle {year}: answer {code} before attaching evidence":
        "{unit} chưa có bản đánh giá trong kỳ {year}: hãy trả lời {code} trước khi đính kèm minh chứng",
    "{unit} ({name}) has no assessment in cycle {year}": "{unit} ({name}) không có bản đánh giá trong kỳ {year}",
    "no {kind} assessments in cycle {year} (cycles in this database: {cycles})":
        "không có bản đánh giá {kind} nào trong kỳ {year} (các kỳ trong cơ sở dữ liệu này: {cycles})",
    "no assessments in cycle {year} for {kind}": "không có bản đánh giá nào trong kỳ {year} cho {kind}",
    "cannot {step} an assessment that is {state} (from {state}: {steps})":
        "không thể {step} một bản đánh giá đang ở trạng thái {state} (từ {state} có thể: {steps})",
    "{step} needs a reason (it goes into the audit trail)": "{step} cần lý do (được ghi vào nhật ký kiểm toán)",
    "no target {id!r} in the active target set": "bộ mục tiêu đang dùng không có mục tiêu {id!r}",
    "{code} is not an indicator of {methodology}": "{code} không phải là chỉ tiêu của {methodology}",
    "{code}: the appraised points need a reason": "{code}: điểm thẩm định cần có lý do",
    "{code}: appraised points must be between 0 and {most}": "{code}: điểm thẩm định phải từ 0 đến {most}",
    "{code}: the reply is empty": "{code}: phản hồi đang trống",
    "{code} has no answer yet: answer it before attaching evidence":
        "{code} chưa có câu trả lời: hãy trả lời trước khi đính kèm minh chứng",
    "the assessment of {unit} {year} is {state}: read-only": "bản đánh giá của {unit} {year} đang {state}: chỉ đọc",
    "nothing to submit: no answer has been saved yet": "không có gì để nộp: chưa lưu câu trả lời nào",
    "{n} item(s) still missing: {codes}": "còn thiếu {n} mục: {codes}",
    "reply to each comment before resubmitting: {codes}": "hãy phản hồi từng ý kiến trước khi nộp lại: {codes}",
    "only a submitted assessment can be reopened": "chỉ bản đánh giá đã nộp mới được mở lại",
    "{where}: is a folder": "{where}: là một thư mục",
    "{where}: does not exist": "{where}: không tồn tại",
    "{where}: cannot be read ({why})": "{where}: không đọc được ({why})",
    "{path}: cannot be read ({why})": "{path}: không đọc được ({why})",
    "cycle {year} has not been published": "kỳ {year} chưa được công bố",
    "cycle {year} has no appraised result to publish yet (appraise at least one unit)":
        "kỳ {year} chưa có kết quả thẩm định để công bố (hãy thẩm định ít nhất một đơn vị)",
    "nothing changed since publication {number}: no correction to publish":
        "không có gì thay đổi kể từ lần công bố {number}: không có đính chính để công bố",
    "{name}: the annex is written as .pdf or .xlsx": "{name}: phụ lục được ghi dưới dạng .pdf hoặc .xlsx",
    "{name}: the reminder list is written as .csv or .xlsx":
        "{name}: danh sách nhắc được ghi dưới dạng .csv hoặc .xlsx",
    "a bulk return needs the standard comment": "trả lại hàng loạt cần ý kiến chung",
    "a bulk return needs the indicator(s) the standard comment is about":
        "trả lại hàng loạt cần (các) chỉ tiêu mà ý kiến chung đề cập",
    "name the units to return (a bulk return is never made to a whole cycle by default)":
        "hãy nêu các đơn vị cần trả lại (trả lại hàng loạt không bao giờ mặc định áp dụng cho cả kỳ)",
    "this database holds real assessments; build the demo in a new file (--db demo.sqlite)":
        "cơ sở dữ liệu này chứa bản đánh giá thật; hãy tạo dữ liệu mẫu trong tệp mới (--db demo.sqlite)",
    "{name!r} is not a member of the council (members: {known})":
        "{name!r} không phải là thành viên hội đồng (thành viên: {known})",
    "no methodology applies to a {kind} in cycle {year}": "không có bộ chỉ số nào áp dụng cho {kind} trong kỳ {year}",
    "methodology {id} is not stored in this database": "bộ chỉ số {id} không có trong cơ sở dữ liệu này",
    "{path}: not a dxscore key list (format 'dxscore-keys' with a list of keys)":
        "{path}: không phải danh sách khóa của dxscore (định dạng 'dxscore-keys' với một danh sách khóa)",
    "{file}: no such file": "{file}: không có tệp này",
    "{path} already exists; choose another name or add --force to replace it":
        "{path} đã tồn tại; hãy chọn tên khác hoặc thêm --force để ghi đè",
    "the evidence file {name} ({sha}…) is missing from {folder}": "tệp minh chứng {name} ({sha}…) không có trong "
                                                                   "{folder}",
    "{text} is not a date (dd/mm/yyyy or yyyy-mm-dd)": "{text} không phải là ngày (dd/mm/yyyy hoặc yyyy-mm-dd)",
}
