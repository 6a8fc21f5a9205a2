"""The Vietnamese of what the command line itself says (cli/messages.py). Keys are the English templates exactly
as the code writes them; {fields} keep their names. The core's messages (errors, package reasons, the words they
carry) are in `assessment/domain/messages_vi.py`, shared with the window; `VI` here holds both."""

from __future__ import annotations

from assessment.domain.messages_vi import CORE_VI

CLI_VI: dict[str, str] = {
    # app.py, wiring.py, window.py, demo_build.py
    "error: {message}": "lỗi: {message}",
    "interrupted": "đã dừng",
    "unexpected error ({name}); the details are in {file}": "lỗi không lường trước ({name}); chi tiết ghi ở {file}",
    "… and {n} more problem(s)": "… và {n} lỗi khác",
    "warning: the database is open for reading only: {reason}":
        "cảnh báo: cơ sở dữ liệu chỉ mở được để đọc: {reason}",
    "warning: {warning}": "cảnh báo: {warning}",
    "Building the demo database…": "Đang tạo cơ sở dữ liệu mẫu…",
    "Building the demo database (first run)…": "Đang tạo cơ sở dữ liệu mẫu (lần chạy đầu)…",
    "Running the headless job instead: the demo database and its current ranking.":
        "Chạy chế độ không giao diện thay thế: cơ sở dữ liệu mẫu và bảng xếp hạng hiện tại.",
    "Sample scorecard (PDF) of the first-ranked commune: {file}": "Phiếu điểm mẫu (PDF) của xã xếp hạng nhất: {file}",
    # scores.py, ranking_text.py
    "Would fill the demo database {where}: synthetic answers (seed {seed}) only where an indicator has no answer, "
    "in assessments open for editing; an answer already stored is never changed.":
        "Sẽ điền cơ sở dữ liệu mẫu {where}: câu trả lời giả lập (hạt giống {seed}) chỉ cho chỉ tiêu chưa có câu trả "
        "lời, trong các bản đánh giá còn được sửa; câu trả lời đã lưu không bao giờ bị thay đổi.",
    "Filling the demo database {where}: synthetic answers (seed {seed}) only where an indicator has no answer, in "
    "assessments open for editing; an answer already stored is never changed.":
        "Đang điền cơ sở dữ liệu mẫu {where}: câu trả lời giả lập (hạt giống {seed}) chỉ cho chỉ tiêu chưa có câu trả "
        "lời, trong các bản đánh giá còn được sửa; câu trả lời đã lưu không bao giờ bị thay đổi.",
    "cycle {year}: {assessments} assessments, would create {created} answers, would keep {kept} stored answers "
    "unchanged ({differ} differ from the demo's own values)":
        "kỳ {year}: {assessments} bản đánh giá, sẽ tạo {created} câu trả lời, sẽ giữ nguyên {kept} câu trả lời đã "
        "lưu ({differ} khác giá trị của dữ liệu mẫu)",
    "cycle {year}: {assessments} assessments, created {created} answers, kept {kept} stored answers unchanged "
    "({differ} differ from the demo's own values)":
        "kỳ {year}: {assessments} bản đánh giá, đã tạo {created} câu trả lời, giữ nguyên {kept} câu trả lời đã lưu "
        "({differ} khác giá trị của dữ liệu mẫu)",
    ", {n} assessments not open for editing left alone": ", để nguyên {n} bản đánh giá không còn được sửa",
    "Nothing written (--dry-run).": "Chưa ghi gì (--dry-run).",
    "Demo database ready: {where}": "Cơ sở dữ liệu mẫu đã sẵn sàng: {where}",
    "--cycle YEAR is required (only --kind city defaults to the latest cycle)":
        "cần --cycle NĂM (chỉ --kind city mặc định lấy kỳ mới nhất)",
    "--subgroup needs --kind (e.g. --kind commune --subgroup ward)":
        "--subgroup cần --kind (ví dụ --kind commune --subgroup ward)",
    "no assessments in cycle {cycle}": "không có bản đánh giá nào trong kỳ {cycle}",
    " for {kind}": " cho {kind}",
    " for unit {unit}": " cho đơn vị {unit}",
    " (cycles in this database: {cycles})": " (các kỳ trong cơ sở dữ liệu này: {cycles})",
    "Cycle {cycle} — {kind} ({n} units ranked) — {methods}":
        "Chu kỳ {cycle} — {kind} ({n} đơn vị xếp hạng) — {methods}",
    # data.py, methodology_xlsx.py
    "{file}: {rows} rows for {assessments} assessment(s): {new} new, {changed} changed, {same} unchanged answers":
        "{file}: {rows} dòng cho {assessments} bản đánh giá: {new} câu trả lời mới, {changed} thay đổi, {same} "
        "không đổi",
    "{n} answers written to {file}": "đã ghi {n} câu trả lời vào {file}",
    "{n} indicators": "{n} chỉ tiêu",
    "database: {where}": "cơ sở dữ liệu: {where}",
    "schema:   {revision}": "lược đồ:    {revision}",
    "demo:     {demo}": "dữ liệu mẫu: {demo}",
    "cycle {year}: {n} assessments": "kỳ {year}: {n} bản đánh giá",
    "backup of schema {revision} written to {path} ({size} MB, {seconds} s)":
        "đã ghi bản sao lưu (lược đồ {revision}) vào {path} ({size} MB, {seconds} giây)",
    "; the previous database was kept as {path}": "; cơ sở dữ liệu trước đó được giữ tại {path}",
    "restored {source} into {target} ({n} assessments, {seconds} s){kept}":
        "đã khôi phục {source} vào {target} ({n} bản đánh giá, {seconds} giây){kept}",
    "{id} {version}: {n} indicators written to {file}": "{id} {version}: đã ghi {n} chỉ tiêu vào {file}",
    "installed as": "đã cài đặt tại", "already installed, unchanged:": "đã cài đặt từ trước, không đổi:",
    "{id} {version}: {n} indicators, {points} points — {state} {file}":
        "{id} {version}: {n} chỉ tiêu, {points} điểm — {state} {file}",
    # evidence.py
    "{n} evidence item(s)": "{n} tài liệu kiểm chứng",
    "; file {name} kept as {sha}": "; tệp {name} được lưu với mã {sha}",
    "{code}: evidence #{id} added ({number}){kept}": "{code}: đã thêm tài liệu kiểm chứng #{id} ({number}){kept}",
    "{code}: evidence #{id} removed ({number})": "{code}: đã xóa tài liệu kiểm chứng #{id} ({number})",
    "{option} is empty: give at least the document number and a summary":
        "{option} đang trống: cần ít nhất số hiệu văn bản và trích yếu",
    # exchange.py: packages, keys, review, audit
    "{path}: {kind} package of {unit} {cycle}: {answers} answers, {files} evidence files, {notes} review notes":
        "{path}: gói {kind} của {unit} kỳ {cycle}: {answers} câu trả lời, {files} tệp minh chứng, {notes} ý kiến "
        "thẩm định",
    " (key created now)": " (khóa vừa được tạo)",
    "signed by {signer}{created}; key fingerprint: {fingerprint}":
        "ký bởi {signer}{created}; dấu vân tay của khóa: {fingerprint}",
    "Read this fingerprint out to the receiver when they import the first package from you.":
        "Hãy đọc dấu vân tay này cho bên nhận khi họ nhập gói đầu tiên của bạn.",
    "preview of {n} package(s): {summary}; nothing was written (--dry-run)":
        "xem trước {n} gói: {summary}; chưa ghi gì (--dry-run)",
    "{n} package(s): {summary}; {applied} applied": "{n} gói: {summary}; đã áp dụng {applied}",
    "signed as {signer} with a key registered to nobody here: fingerprint {fingerprint} (check it with {signer}, "
    "then --trust {signer})":
        "ký với danh nghĩa {signer} bằng một khóa chưa đăng ký ở đây: dấu vân tay {fingerprint} (đối chiếu với "
        "{signer}, rồi dùng --trust {signer})",
    "signed as {signer}; the key (fingerprint {fingerprint}) is registered here to {owner}":
        "ký với danh nghĩa {signer}; khóa (dấu vân tay {fingerprint}) được đăng ký ở đây cho {owner}",
    "the sender's audit head when it was made: {head} (keep it: `audit verify --head` on their database checks it)":
        "đầu chuỗi nhật ký của bên gửi khi tạo gói: {head} (hãy lưu lại: `audit verify --head` trên cơ sở dữ liệu "
        "của họ sẽ kiểm tra)",
    "replaces": "thay thế", "adds": "bổ sung",
    "here: {here} package: {incoming} ({fields}; {mark})": "ở đây: {here} trong gói: {incoming} ({fields}; {mark})",
    "{field} (round {round}): {here} → {incoming}": "{field} (vòng {round}): {here} → {incoming}",
    "applied   {file}: {reason}": "đã áp dụng {file}: {reason}",
    "left      {file}: {reason}": "bỏ qua    {file}: {reason}",
    "{n} trusted key(s)": "{n} khóa tin cậy",
    "{identity}: no key on this computer yet (it is created on the first export, or with --create)":
        "{identity}: máy này chưa có khóa (khóa được tạo ở lần xuất gói đầu tiên, hoặc với --create)",
    "{identity}: fingerprint {fingerprint}": "{identity}: dấu vân tay {fingerprint}",
    "registered": "đã đăng ký", "already known": "đã có từ trước",
    "{n} key(s) written to {file}": "đã ghi {n} khóa vào {file}",
    "{code}: appraised points cleared ({reason})": "{code}: đã xóa điểm thẩm định ({reason})",
    "{code}: appraised points {points} ({reason})": "{code}: điểm thẩm định {points} ({reason})",
    "{code}: comment removed": "{code}: đã xóa ý kiến",
    "{code}: comment kept for the next return": "{code}: đã lưu ý kiến cho lần trả lại tới",
    "{code}: reply saved": "{code}: đã lưu phản hồi",
    "{unit} {cycle}: now {status}": "{unit} {cycle}: nay ở trạng thái {status}",
    "{unit} {cycle}: {status}; next: {steps}": "{unit} {cycle}: {status}; bước tiếp theo: {steps}",
    "self-assessed {points}/{most} (index {index})": "tự đánh giá {points}/{most} (chỉ số {index})",
    "; appraised {points} (index {index})": "; thẩm định {points} (chỉ số {index})",
    "appraised {points} (self-assessed {own}): {reason} — {who}": "thẩm định {points} (tự đánh giá {own}): {reason} "
                                                                   "— {who}",
    " | reply: {reply}": " | phản hồi: {reply}",
    "audit trail BROKEN at row {row} ({rows} rows before it match): {problem}":
        "nhật ký kiểm toán BỊ PHÁ VỠ ở dòng {row} ({rows} dòng trước đó khớp): {problem}",
    "audit chain intact: {rows} rows; head {head} (full hash {hash})":
        "chuỗi nhật ký nguyên vẹn: {rows} dòng; đầu chuỗi {head} (mã băm đầy đủ {hash})",
    "audit trail does NOT continue the kept head {head}: {why}":
        "nhật ký KHÔNG nối tiếp đầu chuỗi đã lưu {head}: {why}",
    "the kept head {head} is part of this chain": "đầu chuỗi đã lưu {head} thuộc chuỗi này",
    " ({n} more)": " (và {n} chỗ khác)",
    "tables DIFFER from the audit trail: {what}{more}": "các bảng KHÁC với nhật ký kiểm toán: {what}{more}",
    "audit trail intact: the answers, evidence and appraisals match the trail":
        "nhật ký kiểm toán nguyên vẹn: câu trả lời, minh chứng và điểm thẩm định khớp với nhật ký",
    # reference.py
    "Target set: {name}": "Bộ mục tiêu: {name}",
    "qualitative": "định tính", " [UNCONFIRMED]": " [CHƯA XÁC NHẬN]",
    "; serves: {above}": "; phục vụ: {above}",
    "level: {level}; confidence: {confidence}{serves}": "cấp: {level}; độ tin cậy: {confidence}{serves}",
    "not made active": "chưa dùng làm bộ chính", "now the active target set": "nay là bộ mục tiêu đang dùng",
    "{file}: {n} targets imported as {name!r} ({state})": "{file}: đã nhập {n} mục tiêu thành {name!r} ({state})",
    "no values": "chưa có giá trị",
    " [digital economy]": " [kinh tế số]", " [unconfirmed]": " [chưa xác nhận]",
    "{n} units": "{n} đơn vị",
    "{code}: {name} — digital-economy duty: {duty}": "{code}: {name} — nhiệm vụ kinh tế số: {duty}",
    "subtype {subtype!r} does not fit kind {kind} (use: {known})":
        "loại {subtype!r} không thuộc nhóm {kind} (dùng: {known})",
    "added {code}: {name}": "đã thêm {code}: {name}",
    "removed {code}": "đã xóa {code}",
    "{text!r} is not a date (YYYY-MM-DD)": "{text!r} không phải là ngày (YYYY-MM-DD)",
    # reports.py
    "Resolution 18 progress report, cycle {cycle}: {file}": "Báo cáo tiến độ Nghị quyết 18, kỳ {cycle}: {file}",
    "scorecard of {unit}, cycle {cycle}: {file}": "phiếu điểm của {unit}, kỳ {cycle}: {file}",
    "{n} chosen ": "{n} đơn vị được chọn thuộc ",
    "booklet of {chosen}{kind} units, cycle {cycle}: {file}": "tập phiếu điểm {chosen}{kind}, kỳ {cycle}: {file}",
    "{n} scorecards of {kind} units, cycle {cycle}: {file}": "{n} phiếu điểm của {kind}, kỳ {cycle}: {file}",
    "scores of cycle {cycle} written to {file}": "đã ghi điểm kỳ {cycle} vào {file}",
    "--city is a report of its own: use it without --unit, --kind, --booklet or --each":
        "--city là một báo cáo riêng: dùng không kèm --unit, --kind, --booklet hay --each",
    "report needs exactly one of: --unit CODE, --kind K --booklet, --kind K --each, --city":
        "report cần đúng một trong: --unit MÃ, --kind K --booklet, --kind K --each, --city",
    "--units selects the units of a booklet: use it with --kind K --booklet":
        "--units chọn đơn vị cho tập phiếu điểm: dùng cùng --kind K --booklet",
    # timeline.py
    "not set": "chưa đặt",
    "nothing to change: give at least one of --opens, --submissions-due, --appraisal-ends, --council, --publication":
        "không có gì để đổi: cần ít nhất một trong --opens, --submissions-due, --appraisal-ends, --council, "
        "--publication",
    "{file}: {n} unit(s)": "{file}: {n} đơn vị",
    "{step}: {n} done": "{step}: đã làm {n}",
    "skipped {code}: {why}": "bỏ qua {code}: {why}",
    # council.py
    "meeting {id}: {date}": "phiên họp {id}: {date}",
    ", minutes file {file}": ", tệp biên bản {file}",
    "; votes for {yes}, against {no}, abstain {abstain}": "; biểu quyết tán thành {yes}, không tán thành {no}, "
                                                          "không biểu quyết {abstain}",
    "{unit} {code}: {outcome} at {points} points (before {before}){votes}":
        "{unit} {code}: {outcome}, {points} điểm (trước đó {before}){votes}",
    "(meeting {id}) {reason}": "(phiên họp {id}) {reason}",
    "cycle {cycle}: publication {number} ({decision}), {ranked} ranked, {unranked} without a result; SHA-256 {sha}":
        "kỳ {cycle}: công bố lần {number} ({decision}), {ranked} đơn vị được xếp hạng, {unranked} chưa có kết quả; "
        "SHA-256 {sha}",
    "changed {unit} {what}: {old} -> {new}": "thay đổi {unit} {what}: {old} -> {new}",
    "cycle {cycle}: {n} publication(s) intact": "kỳ {cycle}: {n} lần công bố còn nguyên vẹn",
    "cycle {cycle}: publication {number}, {decision}, {at} by {who}":
        "kỳ {cycle}: công bố lần {number}, {decision}, {at} bởi {who}",
    "council meeting add needs --date YYYY-MM-DD": "council meeting add cần --date YYYY-MM-DD",
    "publication annex needs -o FILE.pdf or FILE.xlsx": "publication annex cần -o TỆP.pdf hoặc TỆP.xlsx",
    # output.py
    "{path} is a folder; give a file name (nothing was written)": "{path} là một thư mục; hãy cho tên tệp (chưa ghi "
                                                                  "gì)",
    "the folder {folder} does not exist; nothing was written": "thư mục {folder} không tồn tại; chưa ghi gì",
    "{path}: the workbook must be an .xlsx file; nothing was written": "{path}: sổ tính phải là tệp .xlsx; chưa ghi gì",
    # publication packages and the unit's view (issue 17.4)
    ", {n} received publication(s) intact": ", {n} lần công bố nhận được còn nguyên vẹn",
    "skipped   {unit}: {why}": "bỏ qua    {unit}: {why}",
    "{written} publication package(s) written, {skipped} skipped; signed by {who}":
        "đã ghi {written} gói công bố, bỏ qua {skipped}; ký bởi {who}",
    ", key fingerprint {fingerprint}": ", dấu vân tay khóa {fingerprint}",
    "{code}: no publication of {cycle} received or made here":
        "{code}: chưa nhận hoặc chưa ban hành công bố nào của kỳ {cycle} tại đây",
    "in force": "đang có hiệu lực",
    "superseded by publication {n}": "được thay bằng lần công bố {n}",
    "no date": "không có ngày",
    "{code} {cycle}: publication {number} ({decision}, {day}), {state}":
        "{code} {cycle}: công bố lần {number} ({decision}, {day}), {state}",
    "{headline}; appraised index {index} (self-assessed {own})":
        "{headline}; chỉ số thẩm định {index} (tự đánh giá {own})",
    "correction: {reason}": "đính chính: {reason}",
    "changed {what}: {old} -> {new}": "thay đổi {what}: {old} -> {new}",
    "{before} -> {after} of {max}: {reason}": "{before} -> {after} trên {max}: {reason}",
    "council {outcome} (meeting {held}; for {yes}, against {no}, abstain {abstain}): {reason}":
        "hội đồng {outcome} (phiên họp {held}; tán thành {yes}, không tán thành {no}, không biểu quyết {abstain}): "
        "{reason}",
}

VI: dict[str, str] = {**CORE_VI, **CLI_VI}

# argparse's own usage errors (Python's wording, finished messages matched by cli/parser.py in Vietnamese mode)
ARGPARSE_VI: dict[str, str] = {
    "the following arguments are required: {names}": "thiếu các đối số bắt buộc sau: {names}",
    "unrecognized arguments: {words}": "không nhận ra các đối số: {words}",
    "argument {name}: {problem}": "đối số {name}: {problem}",
    "invalid choice: {value} (choose from {choices})": "lựa chọn không hợp lệ: {value} (chọn trong: {choices})",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected {n} argument": "cần {n} giá trị",
    "expected {n} arguments": "cần {n} giá trị",
    "invalid {type} value: {value}": "giá trị {type} không hợp lệ: {value}",
    "ignored explicit argument {value}": "đã bỏ qua đối số {value}",
    "not allowed with argument {name}": "không được dùng cùng đối số {name}",
    "one of the arguments {names} is required": "cần một trong các đối số {names}",
    "ambiguous option: {option} could match {matches}": "tùy chọn không rõ ràng: {option} có thể là {matches}",
    "int": "số nguyên", "float": "số thực",
    # the CLI's own argument types (cli/argtypes.py, evidence.py, council.py), reported through argparse
    "{text} is not {what}": "{text} không phải là {what}",
    "a cycle year": "năm của kỳ đánh giá", "a whole number": "số nguyên",
    "{text} is out of range ({what}: {low}–{high})": "{text} nằm ngoài phạm vi ({what}: {low}–{high})",
    "{text} is not a number (or 'none')": "{text} không phải là số (hoặc 'none')",
    "{text} is not a usable number (finite, at most {most})": "{text} không phải số dùng được (hữu hạn, tối đa {most})",
    "{text} is not a date (YYYY-MM-DD)": "{text} không phải là ngày (YYYY-MM-DD)",
    "{text} is not a date (dd/mm/yyyy or yyyy-mm-dd)": "{text} không phải là ngày (dd/mm/yyyy hoặc yyyy-mm-dd)",
    "{text} is out of range (a date from 1900 to 2200)": "{text} nằm ngoài phạm vi (ngày từ 1900 đến 2200)",
    "{text}: a vote is NAME=for|against|abstain": "{text}: phiếu biểu quyết có dạng TÊN=for|against|abstain",
}
