"""The Vietnamese of the messages the core gives a user: errors it raises (`BadInput`, `NotFound`, `PackageRejected`,
`StorageError`, …), a package preview's reasons, and the words they carry (unit kinds, states). Keys are the English
templates exactly as the core writes them, an f-string's values as {fields}; a finished message is matched against
them by `assessment.domain.translation` (the CLI and the window both print through it).
The problems a refused file lists (file:line: field: problem) are in `assessment/domain/problems_vi.py`.
tests/test_core_messages.py fails on a message raised in the core that no template here matches."""

from __future__ import annotations

from assessment.domain.problems_vi import PROBLEMS_VI

_REFUSALS_VI: dict[str, str] = {
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
    "submit": "nộp", "resubmit": "nộp lại", "withdraw": "rút lại", "start review": "bắt đầu thẩm định",
    "start_review": "bắt đầu thẩm định", "return": "trả lại", "appraise": "thẩm định",
    "reopen review": "mở lại thẩm định", "reopen_review": "mở lại thẩm định", "lock": "khóa", "unlock": "mở khóa",
    "receive submission": "nhận bản nộp", "receive_submission": "nhận bản nộp",
    "receive return": "nhận gói trả lại", "receive_return": "nhận gói trả lại",
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
        "bản đánh giá ở đây ở trạng thái {state}: hãy trả lại đơn vị trước khi nhận bản nộp mới",
    "the assessment is {state} here: a return applies only to a submitted assessment":
        "bản đánh giá ở đây ở trạng thái {state}: gói trả lại chỉ áp dụng cho bản đánh giá đã nộp",
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
    "the assessment of {unit} {year} is {state}: read-only":
        "bản đánh giá của {unit} {year} ở trạng thái {state}: chỉ đọc",
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
    # domain: comparison, council, text limits, timeline, workflow
    "no sub-group {key!r} of {kind} (choose from: {known})":
        "không có nhóm con {key!r} của {kind} (chọn trong: {known})",
    "{code}: an adjusted decision needs the council's points": "{code}: quyết định điều chỉnh cần có điểm của hội đồng",
    "{code}: the council's points must be between 0 and {most}": "{code}: điểm của hội đồng phải từ 0 đến {most}",
    "{code}: {points} points is what the appraisal already says; record it as kept":
        "{code}: {points} điểm đúng bằng kết quả thẩm định; hãy ghi là giữ nguyên",
    "{code}: a kept decision keeps {previous} points; to change them, adjust":
        "{code}: quyết định giữ nguyên giữ {previous} điểm; muốn thay đổi, hãy chọn điều chỉnh",
    "{name}: vote {value!r} is not for, against or abstain":
        "{name}: phiếu {value!r} không phải tán thành, không tán thành hay không biểu quyết",
    "{where}: {problem}": "{where}: {problem}",
    "contains a control character (U+{char}) at character {at}": "chứa ký tự điều khiển (U+{char}) ở ký tự thứ {at}",
    "contains an invalid character (a lone surrogate U+{char}) at character {at}":
        "chứa ký tự không hợp lệ (U+{char} đứng lẻ) ở ký tự thứ {at}",
    "contains a tab or line break at character {at} (one line only)":
        "chứa dấu tab hoặc xuống dòng ở ký tự thứ {at} (chỉ được một dòng)",
    "longer than {limit} characters (it has {length})": "dài quá {limit} ký tự (hiện có {length})",
    "is blank": "đang để trống",
    "unit code {code!r} is not valid: 1 to 32 letters, digits, '_', '-' or '.', starting with a letter or digit":
        "mã đơn vị {code!r} không hợp lệ: từ 1 đến 32 chữ cái, chữ số, '_', '-' hoặc '.', bắt đầu bằng chữ cái hoặc "
        "chữ số",
    "cycle {year}: {milestone} {day} is outside {first}–{last}":
        "kỳ {year}: {milestone} {day} nằm ngoài {first}–{last}",
    "cycle {year}: {second} ({b}) comes before {first} ({a})": "kỳ {year}: {second} ({b}) đứng trước {first} ({a})",
    # domain: expressions (a methodology's conditions and checks)
    "expected a value, found {found!r}": "cần một giá trị, gặp {found!r}",
    "unexpected character {char!r}": "ký tự không hợp lệ {char!r}",
    "the expression is longer than {most} characters": "biểu thức dài quá {most} ký tự",
    "brackets or operators are nested more than {most} levels deep": "ngoặc hoặc phép toán lồng nhau quá {most} mức",
    "expected {text!r}, found {found!r}": "cần {text!r}, gặp {found!r}",
    "empty expression": "biểu thức trống",
    "unexpected {text!r}": "không mong đợi {text!r} ở đây",
    "comparisons cannot be chained; use 'and'": "không được nối liền các phép so sánh; hãy dùng 'and'",
    "the expression is too deeply built (more than {most} operations in one chain)":
        "biểu thức lồng quá sâu (quá {most} phép toán trong một chuỗi)",
    "unterminated string": "chuỗi ký tự chưa được đóng",
    "the number {text}… is too large": "số {text}… quá lớn",
    "expected a name after '.'": "cần một tên sau '.'",
    "unsupported expression": "biểu thức không được hỗ trợ",
    "unknown reference {name!r}": "tham chiếu không xác định {name!r}",
    "a list [..] can only follow 'in'": "danh sách [..] chỉ được đứng sau 'in'",
    "{what} needs {needed}, got {got}": "{what} cần {needed}, nhận được {got}",
    "{literal!r} is not an option (options: {options})":
        "{literal!r} không phải là một lựa chọn (các lựa chọn: {options})",
    "{op!r} cannot compare {kind}; use 'in'": "{op!r} không so sánh được {kind}; hãy dùng 'in'",
    "{op!r} compares text with {kind}": "{op!r} so sánh văn bản với {kind}",
    "{op!r} cannot order yes/no values": "{op!r} không so sánh thứ tự được giá trị có/không",
    "'in' needs a list [..] or a multiple-choice indicator on its right":
        "'in' cần một danh sách [..] hoặc một chỉ tiêu nhiều lựa chọn ở bên phải",
    "a multiple choice is tested with 'CODE' in it, not against a list":
        "chỉ tiêu nhiều lựa chọn được kiểm tra bằng 'MÃ' in chỉ tiêu, không so với một danh sách",
    "unknown function {name!r} (known: {known})": "hàm không xác định {name!r} (các hàm có: {known})",
    "{name}() needs at least one argument": "{name}() cần ít nhất một đối số",
    "null can only be compared with == or !=, not {op!r}": "null chỉ được so sánh bằng == hoặc !=, không dùng {op!r}",
    "the left side of 'in' a multiple choice must be an option code in quotes":
        "vế trái của 'in' với chỉ tiêu nhiều lựa chọn phải là mã lựa chọn trong dấu nháy",
    "the list holds {value!r}, which {kind} can never equal":
        "danh sách có {value!r}, giá trị mà {kind} không bao giờ bằng",
    "count() takes one multiple-choice indicator": "count() nhận một chỉ tiêu nhiều lựa chọn",
    "abs() takes one argument": "abs() nhận một đối số",
    "list items must be plain values": "phần tử của danh sách phải là giá trị đơn",
    # exchange: package and publication formats
    "{what}: {name} is not a number a package may carry": "{what}: {name} không phải là số mà một gói được phép chứa",
    "not a dxscore package (the manifest does not say format {format!r})":
        "không phải gói dxscore (bản kê không ghi định dạng {format!r})",
    "the manifest has no format version": "bản kê không có phiên bản định dạng",
    "unknown package format version {version} (this dxscore reads version {known}; update dxscore)":
        "phiên bản định dạng gói không xác định {version} (dxscore này đọc phiên bản {known}; hãy cập nhật dxscore)",
    "unknown package format version {version} (this dxscore reads version {known})":
        "phiên bản định dạng gói không xác định {version} (dxscore này đọc phiên bản {known})",
    "manifest: unknown package kind {kind!r}": "bản kê: loại gói không xác định {kind!r}",
    "manifest: unknown state {state!r}": "bản kê: trạng thái không xác định {state!r}",
    "the manifest's public key is not an Ed25519 key": "khóa công khai trong bản kê không phải khóa Ed25519",
    "answers.json is not a list of answers": "answers.json không phải là danh sách câu trả lời",
    "{where}: bad file hash": "{where}: mã băm tệp không đúng",
    "review.json is not a list of notes": "review.json không phải là danh sách ý kiến",
    # (a package's JSON: `_bad(key, what)` writes "{where}: {key} {what}", one template per `what`)
    "{where}: {key} is not text": "{where}: {key} không phải văn bản",
    "{where}: {key} is not a number": "{where}: {key} không phải là số",
    "{where}: {key} is out of range": "{where}: {key} vượt phạm vi",
    "{where}: {key} is not a finite number": "{where}: {key} không phải là số hữu hạn",
    "{where}: {key} is not an integer": "{where}: {key} không phải là số nguyên",
    "{where}: {key} is not true/false": "{where}: {key} không phải đúng/sai",
    "{where}: {key} is missing or not an object": "{where}: {key} bị thiếu hoặc không phải đối tượng",
    "{where}: {key} is not a list": "{where}: {key} không phải danh sách",
    "{what} is not valid JSON ({why})": "{what} không phải JSON hợp lệ ({why})",
    "manifest entry {name!r}: bad hash or size": "mục {name!r} trong bản kê: mã băm hoặc kích thước không đúng",
    "manifest: {key} is empty": "bản kê: {key} đang trống",
    "answer {n}: {code} appears twice": "câu trả lời {n}: {code} xuất hiện hai lần",
    "{where}: {text!r} is not a date": "{where}: {text!r} không phải là ngày",
    "review note {n}: bad or repeated round": "ý kiến {n}: vòng không đúng hoặc bị lặp",
    "{where} is not an object": "{where} không phải là đối tượng",
    "{where}: choices must be a list of option codes": "{where}: các lựa chọn phải là danh sách mã lựa chọn",
    "publication: results_sha256 is not a SHA-256": "công bố: results_sha256 không phải mã SHA-256",
    "publication.json: {n} {key}, over the limit of {most}": "publication.json: {n} {key}, vượt giới hạn {most}",
    "unit: the unit code is empty": "đơn vị: mã đơn vị đang trống",
    "change {n}: {what!r} is not something a correction changes":
        "thay đổi {n}: {what!r} không phải nội dung mà một lần đính chính được thay đổi",
    "{where}: {key} is missing": "{where}: thiếu {key}",
    "{where}: {key} is negative": "{where}: {key} là số âm",
    "{where}: the council's outcome {outcome!r} is not kept or adjusted":
        "{where}: kết luận của hội đồng {outcome!r} không phải giữ nguyên hay điều chỉnh",
    "{where}: {key} {text!r} is not a date": "{where}: {key} {text!r} không phải là ngày",
    "cancelled": "đã hủy",
    # service facade and use cases
    "{code} is a {kind}: only departments carry the digital-economy duty flag":
        "{code} là {kind}: chỉ sở, ban, ngành mới có đánh dấu nhiệm vụ kinh tế số",
    "{target} {year}: {value} is not a usable target value (a finite number)":
        "{target} {year}: {value} không phải giá trị mục tiêu dùng được (một số hữu hạn)",
    "the target set lacks {n} target(s) that methodologies link to: {missing}; add them to the file (it was not "
    "imported)":
        "bộ mục tiêu thiếu {n} mục tiêu mà các bộ chỉ số liên kết tới: {missing}; hãy bổ sung vào tệp (tệp chưa được "
        "nhập)",
    "{file}: {n} problem(s) in {rows} row(s){why}; nothing was imported":
        "{file}: {n} lỗi ở {rows} dòng{why}; chưa nhập gì",
    "the assessment is {state}: read-only": "bản đánh giá ở trạng thái {state}: chỉ đọc",
    "not an indicator of {methodology}": "không phải là chỉ tiêu của {methodology}",
    "{code}: the appraisal council decided {points} points ({reason}); they can no longer be changed here":
        "{code}: hội đồng thẩm định đã quyết định {points} điểm ({reason}); không thể thay đổi ở đây nữa",
    "the assessment is {state}: replies are written while it is returned":
        "bản đánh giá ở trạng thái {state}: phản hồi chỉ được viết khi bản đánh giá bị trả lại",
    "the assessment is {state}: start the review first (appraised points and comments are set while it is under "
    "review)":
        "bản đánh giá ở trạng thái {state}: hãy bắt đầu thẩm định trước (điểm thẩm định và ý kiến được nhập trong "
        "khi đang thẩm định)",
    "{code} does not apply to {unit} (no points to appraise): return the assessment if the unit's 'not applicable' "
    "is wrong":
        "{code} không áp dụng cho {unit} (không có điểm để thẩm định): hãy trả lại bản đánh giá nếu việc đơn vị chọn "
        "'không áp dụng' là sai",
    "a council meeting of cycle {year} is held in {first}–{last}, not on {day}":
        "phiên họp hội đồng của kỳ {year} được tổ chức trong {first}–{last}, không phải ngày {day}",
    "{unit} is {state}: the council decides on an assessment under review, appraised or locked":
        "{unit} ở trạng thái {state}: hội đồng chỉ quyết định về bản đánh giá đang thẩm định, đã thẩm định hoặc "
        "đã khóa",
    "{code}: the council has already decided this indicator of {unit}":
        "{code}: hội đồng đã quyết định chỉ tiêu này của {unit}",
    "{code} does not apply to {unit}: there are no points to decide":
        "{code} không áp dụng cho {unit}: không có điểm để quyết định",
    "{name}: larger than {most} MB": "{name}: lớn hơn {most} MB",
    "{where}: {size} MB is too big (at most {most} MB, the largest file a package carries)":
        "{where}: {size} MB là quá lớn (tối đa {most} MB, tệp lớn nhất mà một gói được chứa)",
    "{reason} (checked against the answers stored now)": "{reason} (đối chiếu với các câu trả lời đang lưu)",
    "{id} {version} has no indicator {code!r}": "{id} {version} không có chỉ tiêu {code!r}",
    "no methodology {id!r} (known: {known})": "không có bộ chỉ số {id!r} (hiện có: {known})",
    "{unit} did not exist in cycle {year}": "{unit} chưa tồn tại trong kỳ {year}",
    "the submission is incomplete: {n} item(s) missing: {missing}{more}":
        "bản nộp chưa đầy đủ: thiếu {n} mục: {missing}{more}",
    "a review note is about {code!r}, not an indicator of {methodology}":
        "một ý kiến thẩm định nói về {code!r}, không phải chỉ tiêu của {methodology}",
    "a submission of {unit} must be signed with {unit}'s own key and be submitted; this one is signed by {signer!r} "
    "({state})":
        "bản nộp của {unit} phải được ký bằng khóa riêng của {unit} và ở trạng thái đã nộp; bản này do {signer!r} ký "
        "({state})",
    "a return must be signed by an inspector; this one is signed by {signer!r} ({state})":
        "gói trả lại phải do cán bộ thẩm định ký; gói này do {signer!r} ký ({state})",
    "a publication must be signed by an inspector; this one is signed by {signer!r}":
        "gói công bố phải do cán bộ thẩm định ký; gói này do {signer!r} ký",
    "signed as {signer} with the key registered here for {owner} (fingerprint {fingerprint}): a key belongs to one "
    "identity, so {owner} cannot sign for {signer}. Refuse the file and tell {signer}":
        "ký với danh nghĩa {signer} bằng khóa đã đăng ký ở đây cho {owner} (dấu vân tay {fingerprint}): mỗi khóa chỉ "
        "thuộc một danh tính, nên {owner} không thể ký thay {signer}. Hãy từ chối tệp và báo cho {signer}",
    "signed with a key that is not {signer}'s: the key registered here has fingerprint {known}, this package's "
    "{fingerprint}. If {signer} really has a new key, check it with them and register it (keys import --replace); "
    "otherwise refuse the file":
        "ký bằng một khóa không phải của {signer}: khóa đã đăng ký ở đây có dấu vân tay {known}, khóa của gói này "
        "{fingerprint}. Nếu {signer} thật sự có khóa mới, hãy đối chiếu với họ rồi đăng ký (keys import --replace); "
        "nếu không, hãy từ chối tệp",
    "a return of {unit} is taken only by {unit}'s own database (the one that exported its submission); this "
    "database does not sign for {unit}, so it never takes a return":
        "gói trả lại của {unit} chỉ được nhận bởi cơ sở dữ liệu của chính {unit} (nơi đã xuất bản nộp); cơ sở dữ liệu "
        "này không ký cho {unit} nên không bao giờ nhận gói trả lại",
    "{signer}'s key (fingerprint {fingerprint}) {how}: a return is taken only from an inspector key registered on "
    "purpose. Import the inspectors' key list (keys import FILE) after checking its fingerprints with them":
        "khóa của {signer} (dấu vân tay {fingerprint}) {how}: gói trả lại chỉ được nhận từ khóa của cán bộ thẩm định "
        "đã được đăng ký có chủ đích. Hãy nhập danh sách khóa của cán bộ thẩm định (keys import TỆP) sau khi đối chiếu "
        "dấu vân tay với họ",
    "{signer}'s key (fingerprint {fingerprint}) {how}: a publication is taken only from an inspector key registered "
    "on purpose. Import the inspectors' key list (keys import FILE) after checking its fingerprints":
        "khóa của {signer} (dấu vân tay {fingerprint}) {how}: gói công bố chỉ được nhận từ khóa của cán bộ thẩm định "
        "đã được đăng ký có chủ đích. Hãy nhập danh sách khóa của cán bộ thẩm định (keys import TỆP) sau khi đối chiếu "
        "dấu vân tay",
    "is not registered here": "chưa được đăng ký ở đây",
    "was registered here by {source}": "đã được đăng ký ở đây qua {source}",
    "unit {unit} ({name}) is unknown to this database": "cơ sở dữ liệu này không có đơn vị {unit} ({name})",
    "methodology {methodology} is unknown to this database": "cơ sở dữ liệu này không có bộ chỉ số {methodology}",
    "methodology hash mismatch: the package was made with {methodology} sha256 {theirs}…, this database has "
    "{ours}…":
        "mã băm bộ chỉ số không khớp: gói được tạo với {methodology} sha256 {theirs}…, cơ sở dữ liệu này có {ours}…",
    "{unit} is assessed with {expected} in {cycle} here; the package uses {methodology}":
        "ở đây {unit} được đánh giá theo {expected} trong kỳ {cycle}; gói dùng {methodology}",
    "cycle {year} is unknown to this database": "cơ sở dữ liệu này không có kỳ {year}",
    "{unit} did not exist in cycle {year}: that cycle is unknown for this unit here":
        "{unit} chưa tồn tại trong kỳ {year}: ở đây kỳ đó không có đối với đơn vị này",
    "cycle {year} is unknown for {unit} here: {message}": "ở đây kỳ {year} không có đối với {unit}: {message}",
    "{name}: nothing to apply": "{name}: không có gì để áp dụng",
    "{name}: the database changed since the preview ({reason}); preview the import again":
        "{name}: cơ sở dữ liệu đã thay đổi từ lúc xem trước ({reason}); hãy xem trước lần nhập một lần nữa",
    "the {year} assessment of {unit} is {state}: submit it before exporting it (a package carries a submission)":
        "bản đánh giá kỳ {year} của {unit} ở trạng thái {state}: hãy nộp trước khi xuất (mỗi gói mang một bản nộp)",
    "the {year} assessment of {unit} is {state}: only a returned assessment is sent back to the unit":
        "bản đánh giá kỳ {year} của {unit} ở trạng thái {state}: chỉ bản đánh giá bị trả lại mới được gửi về đơn vị",
    "cycle {year} has no publication {number} (it has {numbers})":
        "kỳ {year} không có lần công bố {number} (hiện có: {numbers})",
    "no assessments in cycle {year}": "không có bản đánh giá nào trong kỳ {year}",
    "the list of units is empty": "danh sách đơn vị đang trống",
    "cycle {year} was published on {day} (decision {decision}): a correction needs its reason":
        "kỳ {year} đã được công bố ngày {day} (quyết định {decision}): lần đính chính cần có lý do",
    "{failed} scorecard(s) could not be printed ({names}; the reasons are in the log); the other {written} were "
    "written to {folder}":
        "không in được {failed} phiếu điểm ({names}; lý do ghi trong nhật ký); {written} phiếu còn lại đã được ghi vào "
        "{folder}",
    "the booklet was written to {file}, but {failed} scorecard(s) could not be printed in it ({names}; a page says "
    "so in their place, the reasons are in the log)":
        "tập phiếu điểm đã được ghi vào {file}, nhưng không in được {failed} phiếu điểm trong đó ({names}; một trang "
        "thông báo thay vào vị trí của chúng, lý do ghi trong nhật ký)",
    "the publication package of {unit} is taken only by {unit}'s own database (the one that exported its "
    "submission); this database does not sign for {unit}":
        "gói công bố của {unit} chỉ được nhận bởi cơ sở dữ liệu của chính {unit} (nơi đã xuất bản nộp); cơ sở dữ liệu "
        "này không ký cho {unit}",
    "{unit} is not in publication {number} of {year}": "{unit} không có trong lần công bố {number} của kỳ {year}",
    "{units} not in publication {number} of {year}": "{units} không có trong lần công bố {number} của kỳ {year}",
    "{unit} has no assessment in {year} here": "ở đây {unit} không có bản đánh giá kỳ {year}",
    "{unit}: the appraisal changed after publication {number} ({frozen} points published, {now} now): export the "
    "latest publication":
        "{unit}: kết quả thẩm định đã thay đổi sau lần công bố {number} ({frozen} điểm đã công bố, nay {now}): hãy "
        "xuất lần công bố mới nhất",
    "not scored among the {kind} units of cycle {cycle}: {units}{more}":
        "không được tính điểm trong nhóm {kind} của kỳ {cycle}: {units}{more}",
    # questionnaires: answer files, workbooks, methodology and target files
    "{path}: the columns are separated by semicolons, not commas":
        "{path}: các cột được ngăn bằng dấu chấm phẩy, không phải dấu phẩy",
    "{path}: the header is wrong; nothing was imported": "{path}: dòng tiêu đề không đúng; chưa nhập gì",
    "{path}: the file is not UTF-8 text": "{path}: tệp không phải văn bản UTF-8",
    "{path}: cannot read the file": "{path}: không đọc được tệp",
    "{path}: cannot read the file (damaged workbook?)": "{path}: không đọc được tệp (sổ tính bị hỏng?)",
    "{path}: more than {most} rows; nothing was imported": "{path}: quá {most} dòng; chưa nhập gì",
    "{path}: unsupported file type {suffix}": "{path}: loại tệp không được hỗ trợ {suffix}",
    "{path}: {n} problem(s); the crosswalk was rejected": "{path}: {n} lỗi; bảng đối chiếu bị từ chối",
    "{path}: not valid YAML": "{path}: không phải YAML hợp lệ",
    "{file}: {n} problem; the file was rejected": "{file}: {n} lỗi; tệp bị từ chối",
    "{file}: {n} problems; the file was rejected": "{file}: {n} lỗi; tệp bị từ chối",
    "{file}: {n} problem; nothing was imported": "{file}: {n} lỗi; chưa nhập gì",
    "{file}: {n} problems; nothing was imported": "{file}: {n} lỗi; chưa nhập gì",
    "{path}: the workbook unpacks to {size} MB (limit {most} MB, {part} MB per part); nothing was imported":
        "{path}: sổ tính giải nén ra {size} MB (giới hạn {most} MB, {part} MB mỗi phần); chưa nhập gì",
    "{path}: {n} cell(s) cannot be read; nothing was imported": "{path}: không đọc được {n} ô; chưa nhập gì",
    "{path}: the sheet has data in row {number} (limit {most} rows with the header); nothing was imported":
        "{path}: trang tính có dữ liệu ở dòng {number} (giới hạn {most} dòng kể cả tiêu đề); chưa nhập gì",
    "{path}: a value in {where}; nothing was imported": "{path}: có giá trị ở {where}; chưa nhập gì",
    "a column beyond the header": "một cột nằm ngoài dòng tiêu đề",
    "column {column} (limit {limit})": "cột {column} (giới hạn {limit})",
    "{path}: {n} problem; the workbook was rejected and nothing was installed":
        "{path}: {n} lỗi; sổ tính bị từ chối và chưa cài đặt gì",
    "{path}: {n} problems; the workbook was rejected and nothing was installed":
        "{path}: {n} lỗi; sổ tính bị từ chối và chưa cài đặt gì",
    "{path}: {id} {version} ships with dxscore; give the workbook a new version (settings sheet, column version) to "
    "install it beside the shipped one":
        "{path}: {id} {version} có sẵn trong dxscore; hãy đặt phiên bản mới cho sổ tính (trang settings, cột version) "
        "để cài đặt bên cạnh bản có sẵn",
    "{path}: settings: version {version!r}: use at most 32 letters, digits, '.', '-' or '_' to install it; nothing "
    "was installed":
        "{path}: settings: phiên bản {version!r}: hãy dùng tối đa 32 chữ cái, chữ số, '.', '-' hoặc '_' để cài đặt; "
        "chưa cài đặt gì",
    "{path}: {id} {version} is installed already ({target}) with other content; give the workbook a new version, or "
    "remove that file first":
        "{path}: {id} {version} đã được cài đặt ({target}) với nội dung khác; hãy đặt phiên bản mới cho sổ tính, hoặc "
        "xóa tệp đó trước",
    "{what} has no dxscore equivalent (dxscore understands ${name}, ., =, !=, <, <=, >, >=, +, -, *, div, and, or, "
    "not(), true(), false(), '' and selected())":
        "{what} không có cách viết tương đương trong dxscore (dxscore hiểu ${name}, ., =, !=, <, <=, >, >=, +, -, *, "
        "div, and, or, not(), true(), false(), '' và selected())",
    "write selected(${question}, 'option')": "hãy viết selected(${question}, 'option')",
    "a ',' outside selected(...) has no dxscore equivalent":
        "dấu ',' ngoài selected(...) không có cách viết tương đương trong dxscore",
    "write {name}() as in XLSForm": "hãy viết {name}() như trong XLSForm",
    "{path}: {message}; nothing was imported": "{path}: {message}; chưa nhập gì",
    "{path}: sheet {sheet} has data in row {number} (limit {most}); nothing was imported":
        "{path}: trang tính {sheet} có dữ liệu ở dòng {number} (giới hạn {most}); chưa nhập gì",
    "{path}: sheet {sheet} has a value in column {column} (limit {most} columns); nothing was imported":
        "{path}: trang tính {sheet} có giá trị ở cột {column} (giới hạn {most} cột); chưa nhập gì",
    # storage
    "the user name is longer than {most} characters": "tên người dùng dài quá {most} ký tự",
    "unknown answer source {source!r}": "nguồn câu trả lời không xác định {source!r}",
    "an indicator code is longer than {most} characters": "mã chỉ tiêu dài quá {most} ký tự",
    "text must not contain NUL characters (\\x00)": "văn bản không được chứa ký tự NUL (\\x00)",
    "{code} has no evidence #{id} (`evidence list` shows the numbers)":
        "{code} không có tài liệu kiểm chứng #{id} (`evidence list` hiển thị các số thứ tự)",
    "audit rows are written only inside a write transaction":
        "dòng nhật ký kiểm toán chỉ được ghi trong một giao dịch ghi",
    "{path}: no dxscore database there to back up": "{path}: không có cơ sở dữ liệu dxscore nào ở đó để sao lưu",
    "the backup file must not be the database itself": "tệp sao lưu không được là chính cơ sở dữ liệu",
    "the backup file is the database itself": "tệp sao lưu chính là cơ sở dữ liệu",
    "{source} is empty: not a dxscore database; nothing was restored":
        "{source} trống: không phải cơ sở dữ liệu dxscore; chưa khôi phục gì",
    "{path} is damaged ({verdict}); nothing was restored": "{path} bị hỏng ({verdict}); chưa khôi phục gì",
    "the copy of {source} failed its check ({verdict}); nothing was written":
        "bản sao của {source} không qua được bước kiểm tra ({verdict}); chưa ghi gì",
    "{where}: backup and restore work on SQLite database files only":
        "{where}: sao lưu và khôi phục chỉ áp dụng cho tệp cơ sở dữ liệu SQLite",
    "no cycle {year} in this database": "cơ sở dữ liệu này không có kỳ {year}",
    "{name} is already a member of the {year} council": "{name} đã là thành viên hội đồng kỳ {year}",
    "no council meeting {id}": "không có phiên họp hội đồng {id}",
    "{code}: the council has already decided this indicator": "{code}: hội đồng đã quyết định chỉ tiêu này",
    "cycle {year} was published meanwhile (publication {number}): look again":
        "kỳ {year} vừa được công bố trong lúc này (lần công bố {number}): hãy xem lại",
    "{where} is not a dxscore database (it holds other tables: {tables}); it was left untouched":
        "{where} không phải cơ sở dữ liệu dxscore (có các bảng khác: {tables}); tệp được giữ nguyên",
    "{where} was written by a newer dxscore (schema {revision}); this version knows schemas up to {head}. Update "
    "dxscore to open it; the database was left untouched.":
        "{where} được ghi bởi phiên bản dxscore mới hơn (lược đồ {revision}); phiên bản này chỉ biết lược đồ đến "
        "{head}. Hãy cập nhật dxscore để mở; cơ sở dữ liệu được giữ nguyên.",
    "this runs only inside a write transaction": "thao tác này chỉ chạy trong một giao dịch ghi",
    "{where} is open for reading only: {reason}. Nothing was written.":
        "{where} chỉ mở được để đọc: {reason}. Chưa ghi gì.",
    "{where} needs updating to this dxscore's schema, but {reason}; it was left untouched":
        "{where} cần cập nhật lên lược đồ của dxscore này, nhưng {reason}; cơ sở dữ liệu được giữ nguyên",
    "{path} is not a dxscore database ({why}); it was left untouched":
        "{path} không phải cơ sở dữ liệu dxscore ({why}); tệp được giữ nguyên",
    "{where}: no dxscore database there": "{where}: không có cơ sở dữ liệu dxscore nào ở đó",
    "cannot open {where}: {error}: {detail}": "không mở được {where}: {error}: {detail}",
    "the database stayed busy for {waited} s (another dxscore is writing to it); nothing was saved, try again":
        "cơ sở dữ liệu bận suốt {waited} giây (một phiên dxscore khác đang ghi); chưa lưu gì, hãy thử lại",
    "the signing key {path} is not an Ed25519 key (packages are signed with Ed25519); restore it from a backup, or "
    "move it aside to create a new key":
        "khóa ký {path} không phải khóa Ed25519 (các gói được ký bằng Ed25519); hãy khôi phục từ bản sao lưu, hoặc "
        "chuyển tệp đi nơi khác để tạo khóa mới",
    "no signing key for {identity}": "không có khóa ký cho {identity}",
    "the signing key {path} cannot be read ({why}); restore it from a backup, or move it aside to create a new key "
    "(the inspectors must then trust the new one)":
        "không đọc được khóa ký {path} ({why}); hãy khôi phục từ bản sao lưu, hoặc chuyển tệp đi nơi khác để tạo khóa "
        "mới (khi đó cán bộ thẩm định phải tin cậy khóa mới)",
    "a publication package needs the unit's publication": "gói công bố cần có kết quả công bố của đơn vị",
    "a publication package carries {name} and nothing else": "gói công bố chỉ chứa {name}, không chứa gì khác",
    "{name} is about {unit} {cycle}, the signed manifest about {signed_unit} {signed_cycle}":
        "{name} nói về {unit} kỳ {cycle}, còn bản kê đã ký nói về {signed_unit} kỳ {signed_cycle}",
    "entry {name!r} has an absolute or parent path: refused": "mục {name!r} có đường dẫn tuyệt đối hoặc trỏ ra thư mục "
                                                              "cha: bị từ chối",
    "the package has no {name}": "gói không có {name}",
    "{name} is over its limit of {most} bytes": "{name} vượt giới hạn {most} byte",
    "entry {name!r} does not match the signed manifest (it was altered or damaged)":
        "mục {name!r} không khớp với bản kê đã ký (đã bị sửa đổi hoặc hư hỏng)",
    "evidence entry {name!r} is not named after its content's hash":
        "mục minh chứng {name!r} không được đặt tên theo mã băm nội dung",
    "evidence file {path} no longer matches its SHA-256 (it was changed on disk)":
        "tệp minh chứng {path} không còn khớp mã SHA-256 (tệp đã bị thay đổi trên đĩa)",
    "{name}: not a regular file (a device, pipe or folder); nothing was read":
        "{name}: không phải tệp thông thường (thiết bị, đường ống hoặc thư mục); chưa đọc gì",
    "{name}: {size} MB is over the package limit of {most} MB": "{name}: {size} MB vượt giới hạn gói {most} MB",
    "{n} entries: over the limit of {most}": "{n} mục: vượt giới hạn {most}",
    "the package is not signed (it has no manifest.sig)": "gói chưa được ký (không có manifest.sig)",
    "the signature does not match the manifest (the package was altered after signing, or signed with another key)":
        "chữ ký không khớp với bản kê (gói đã bị sửa đổi sau khi ký, hoặc được ký bằng khóa khác)",
    "the package's entries differ from its signed manifest ({entries})":
        "các mục trong gói khác với bản kê đã ký ({entries})",
    "evidence file {sha}… is named in the answers but not in the package":
        "tệp minh chứng {sha}… được nêu trong câu trả lời nhưng không có trong gói",
    "evidence {sha}… is not in the package": "minh chứng {sha}… không có trong gói",
    "a {kind} package carries no {name}": "gói {kind} không chứa {name}",
    "evidence file {path} cannot be read ({why})": "không đọc được tệp minh chứng {path} ({why})",
    "{path}: not a dxscore key list ({why})": "{path}: không phải danh sách khóa của dxscore ({why})",
    "{path}: key {n} needs an identity and a public_key": "{path}: khóa {n} cần có identity và public_key",
    "{path}: key {n}: the identity {problem}": "{path}: khóa {n}: danh tính {problem}",
    "{path}: key {n} ({identity}): the fingerprint in the list does not match the key ({printed}); the list was "
    "altered or mistyped":
        "{path}: khóa {n} ({identity}): dấu vân tay trong danh sách không khớp với khóa ({printed}); danh sách đã bị "
        "sửa đổi hoặc gõ sai",
    "{path}: key {n} ({identity}) is not an Ed25519 public key": "{path}: khóa {n} ({identity}) không phải khóa công "
                                                                 "khai Ed25519",
    "{name}: not a sound package file (truncated or damaged: {error}: {detail})":
        "{name}: tệp gói không nguyên vẹn (bị cắt cụt hoặc hư hỏng: {error})",  # {detail}: the zip library's English
    "unexpected entry {name!r} in the package": "gói có mục không mong đợi {name!r}",
    "entry {name!r} appears twice": "mục {name!r} xuất hiện hai lần",
    "entry {name!r} is a link": "mục {name!r} là một liên kết",
    "entry {name!r} is encrypted or uses an unsupported compression":
        "mục {name!r} bị mã hóa hoặc dùng kiểu nén không được hỗ trợ",
    "entry {name!r} unpacks to {size} MB: over the limit of {most} MB":
        "mục {name!r} giải nén ra {size} MB: vượt giới hạn {most} MB",
    "the package unpacks to more than the limit of {most} MB": "gói giải nén ra vượt giới hạn {most} MB",
    "{name} changed or is damaged since it was checked ({why})":
        "{name} đã thay đổi hoặc bị hỏng kể từ lúc kiểm tra ({why})",
    "entry {name!r} is larger than its signed size": "mục {name!r} lớn hơn kích thước đã ký",
    "the received publication {number} of {cycle} for {unit} is damaged ({message})":
        "lần công bố {number} kỳ {cycle} đã nhận cho {unit} bị hỏng ({message})",
    "publication {number} of {cycle} for {unit} is already held here":
        "lần công bố {number} kỳ {cycle} cho {unit} đã có ở đây",
    "an appraisal needs a reason": "điểm thẩm định cần có lý do",
    "returning an assessment needs at least one comment": "trả lại bản đánh giá cần ít nhất một ý kiến",
    "{code} has no comment to reply to": "{code} không có ý kiến nào để phản hồi",
    "the key {fingerprint} offered for {identity} is already registered here for {owner}: a key belongs to one "
    "identity; nothing was registered":
        "khóa {fingerprint} đề nghị cho {identity} đã được đăng ký ở đây cho {owner}: mỗi khóa chỉ thuộc một danh "
        "tính; chưa đăng ký gì",
    "{identity} already has another key (fingerprint {known}); this one is {fingerprint}. Remove or replace the old "
    "key on purpose (keys import --replace)":
        "{identity} đã có một khóa khác (dấu vân tay {known}); khóa này là {fingerprint}. Hãy chủ động xóa hoặc thay "
        "khóa cũ (keys import --replace)",
    "cannot change {fields} of a unit": "không thể thay đổi {fields} của một đơn vị",
    "unknown cycle date(s): {dates}": "mốc thời gian không xác định của kỳ: {dates}",
    "unit {code} has {n} assessment(s); it cannot be removed (set valid_until instead)":
        "đơn vị {code} có {n} bản đánh giá; không thể xóa (hãy đặt valid_until thay thế)",
    "unknown unit code(s): {codes}": "mã đơn vị không xác định: {codes}",
    "no assessment {id}": "không có bản đánh giá {id}",
    "the assessment is {state} now, not {allowed}; it was changed meanwhile: open it again":
        "bản đánh giá nay ở trạng thái {state}, không phải {allowed}; đã có thay đổi trong lúc này: hãy mở lại",
    "no target {id!r} in the default target set": "bộ mục tiêu mặc định không có mục tiêu {id!r}",
    "methodology {methodology} is already stored with different content (sha256 {stored}…, now {new}…); give the "
    "changed file a new version":
        "bộ chỉ số {methodology} đã được lưu với nội dung khác (sha256 {stored}…, nay {new}…); hãy đặt phiên bản mới "
        "cho tệp đã thay đổi",
    "{code}: changed by {who} since it was read; nothing was saved":
        "{code}: đã được {who} thay đổi từ lúc đọc; chưa lưu gì",
    "someone else": "người khác",
    # the names `clean_text(…, where=…)` gives a refused text ("the member's name: is blank")
    "unit note": "ghi chú của đơn vị", "the decision number": "số quyết định", "the reason": "lý do",
    "the member's name": "tên thành viên", "the member's role": "vai trò của thành viên", "the minutes": "biên bản",
    "the minutes' file name": "tên tệp biên bản", "the standard comment": "ý kiến chung",
    "unit name ({lang})": "tên đơn vị ({lang})", "{code}: the reason": "{code}: lý do",
    "{code}: the comment": "{code}: ý kiến", "{code}: the reply": "{code}: phản hồi",
    "{code}: the council's reason": "{code}: lý do của hội đồng",
    "{where}: document number": "{where}: số hiệu văn bản",
    "{where}: summary": "{where}: trích yếu", "{where}: file name": "{where}: tên tệp",
    # (the same after "CODE: ", which a message's "{where}: {problem}" splits off first)
    "the comment": "ý kiến", "the reply": "phản hồi", "the council's reason": "lý do của hội đồng",
    "document number": "số hiệu văn bản", "summary": "trích yếu", "file name": "tên tệp",
}

CORE_VI: dict[str, str] = {**_REFUSALS_VI, **PROBLEMS_VI}
