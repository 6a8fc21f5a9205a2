"""The Vietnamese of the problems a refused file lists under its refusal (a methodology, crosswalk or target file,
an answers file, an XLSForm workbook: "file:line: field: problem"), and the words they carry. Part of the core's
catalogue (`assessment.domain.messages_vi.CORE_VI`); keys are the English templates as the core writes them."""

from __future__ import annotations

PROBLEMS_VI: dict[str, str] = {
    # problems listed under a file's refusal (questionnaires/: answer files, workbooks, YAML)
    "required column is missing": "thiếu cột bắt buộc",
    "split the file (one cycle or one kind of unit per file)": "hãy tách tệp (mỗi tệp một kỳ hoặc một nhóm đơn vị)",
    "use a .csv or .xlsx file": "hãy dùng tệp .csv hoặc .xlsx",
    "save it from the spreadsheet as “CSV UTF-8 (comma delimited)” and import that file":
        "hãy lưu từ bảng tính dưới dạng “CSV UTF-8 (comma delimited)” rồi nhập tệp đó",
    "it is UTF-16 (Excel's “Unicode text”): {advice}": "tệp ở dạng UTF-16 (“Unicode text” của Excel): {advice}",
    "it is in another encoding (e.g. Windows-1258 or TCVN3): {advice}":
        "tệp ở bảng mã khác (ví dụ Windows-1258 hoặc TCVN3): {advice}",
    "cell {cell} shows the error {error}": "ô {cell} hiển thị lỗi {error}",
    "save the answers alone as CSV or a small .xlsx": "hãy lưu riêng phần câu trả lời thành CSV hoặc một tệp .xlsx nhỏ",
    "delete the rows below your answers, or split the file": "hãy xóa các dòng bên dưới câu trả lời, hoặc tách tệp",
    "a value outside the table": "một giá trị nằm ngoài bảng",
    "the workbook has no 'survey' sheet": "sổ tính không có trang 'survey'",
    "delete the rows below the table": "hãy xóa các dòng bên dưới bảng",
    "the file is empty": "tệp trống",
    "duplicate key (first at line {line})": "khóa bị lặp (lần đầu ở dòng {line})",
    # problems of a methodology, crosswalk or target file (questionnaires/ loaders, file:line: field: problem)
    "must be greater than 0": "phải lớn hơn 0",
    "{points} points exceed the indicator's max_points {most}": "{points} điểm vượt max_points {most} của chỉ tiêu",
    "two steps start at {low}": "hai bậc cùng bắt đầu ở {low}",
    "unsupported format (expected {format!r})": "định dạng không được hỗ trợ (cần {format!r})",
    "unknown methodology {id!r}": "bộ chỉ số không xác định {id!r}",
    "{code!r} is mapped twice": "{code!r} được ánh xạ hai lần",
    "must be a finite number of at most {most}, got {value}": "phải là số hữu hạn tối đa {most}, nhận được {value}",
    "must be {expected}, got {value}": "phải là {expected}, nhận được {value}",
    "{value!r} is not {what}": "{value!r} không phải là {what}",
    "valid": "hợp lệ",
    "must be at least {least}, got {value}": "phải ít nhất là {least}, nhận được {value}",
    "must be a list, got {value}": "phải là một danh sách, nhận được {value}",
    "must not be empty": "không được để trống",
    "unknown key (did you mean {hint!r}?)": "khóa không xác định (có phải ý bạn là {hint!r}?)",
    "unknown key (allowed: {allowed})": "khóa không xác định (được phép: {allowed})",
    "must not be blank": "không được để trống",
    "required key is missing": "thiếu khóa bắt buộc",
    "nothing": "không có gì", "a mapping": "một ánh xạ", "a list": "một danh sách",
    "a whole number": "một số nguyên", "a number": "một số", "true or false": "true hoặc false",
    "a date (YYYY-MM-DD)": "một ngày (YYYY-MM-DD)",
    "text {value}": "văn bản {value}",
    "unsupported format {format!r} (expected {expected!r})":
        "định dạng không được hỗ trợ {format!r} (cần {expected!r})",
    "the last cycle ({end}) is before the first ({start})": "kỳ cuối ({end}) đứng trước kỳ đầu ({start})",
    "the first band must start at 0": "mức xếp loại đầu tiên phải bắt đầu từ 0",
    "duplicate {section} code {code!r} (first at line {line})": "mã {section} bị lặp {code!r} (lần đầu ở dòng {line})",
    "max ({most}) is below min ({least})": "max ({most}) nhỏ hơn min ({least})",
    "give min, max or both": "hãy cho min, max hoặc cả hai",
    "{low} is below the answer's min ({least})": "{low} nhỏ hơn min ({least}) của câu trả lời",
    "{high} is above the answer's max ({most})": "{high} lớn hơn max ({most}) của câu trả lời",
    "a choice needs at least 2 options": "câu hỏi lựa chọn cần ít nhất 2 phương án",
    "at most 62 options": "tối đa 62 phương án",
    "unknown target id {id!r}": "mã mục tiêu không xác định {id!r}",
    "only numeric answers can be compared with a target, not {type}":
        "chỉ câu trả lời dạng số mới so được với mục tiêu, không phải {type}",
    "required key is missing (an indicator with points needs a scoring rule)":
        "thiếu khóa bắt buộc (chỉ tiêu có điểm cần có quy tắc tính điểm)",
    "circular reference: {chain}": "tham chiếu vòng: {chain}",
    "the scored pillars add up to {total}, not {most}":
        "tổng điểm các trụ cột được tính điểm là {total}, không phải {most}",
    "must be between 0 and 1": "phải từ 0 đến 1",
    "bands must be listed with strictly increasing min_index":
        "các mức xếp loại phải được liệt kê với min_index tăng dần",
    "an unscored pillar must have max_points 0": "trụ cột không tính điểm phải có max_points bằng 0",
    "duplicate option code {code!r}": "mã phương án bị lặp {code!r}",
    "{problem} (column {column} of {text!r})": "{problem} (cột {column} của {text!r})",
    "order {order} is already used by {code} in pillar {pillar}":
        "thứ tự {order} đã được {code} dùng trong trụ cột {pillar}",
    "the pillar has no indicators": "trụ cột không có chỉ tiêu nào",
    "the indicators' max_points add up to {total}, not {most} ({listing})":
        "tổng max_points của các chỉ tiêu là {total}, không phải {most} ({listing})",
    "a target file is a mapping of sections to lists of targets":
        "tệp mục tiêu là ánh xạ từ các mục tới danh sách mục tiêu",
    "the file holds no targets": "tệp không có mục tiêu nào",
    "duplicate target id": "mã mục tiêu bị lặp",
    "no target {id!r} in this file": "tệp này không có mục tiêu {id!r}",
    "a section must be a list of targets (or have a 'targets' list)":
        "mỗi mục phải là danh sách mục tiêu (hoặc có danh sách 'targets')",
    "the targets serve each other in a loop": "các mục tiêu phục vụ lẫn nhau thành vòng lặp",
    "give either target: <number> or target_from: linked": "hãy cho target: <số> hoặc target_from: linked, chỉ một",
    "target_from: linked needs the indicator to link a target (target: <id>)":
        "target_from: linked cần chỉ tiêu liên kết một mục tiêu (target: <mã>)",
    "the {year} assessment of {unit} is {state} now: read-only":
        "bản đánh giá kỳ {year} của {unit} nay ở trạng thái {state}: chỉ đọc",
    "unknown column (expected: {columns})": "cột không xác định (cần: {columns})",
    "must be a mapping (key: value), got {value}": "phải là một ánh xạ (khóa: giá trị), nhận được {value}",
    "unknown value {value!r} (expected one of: {options})":
        "giá trị không xác định {value!r} (cần một trong: {options})",
    "unknown value {value!r} (expected one of: {options}); did you mean {hint!r}?":
        "giá trị không xác định {value!r} (cần một trong: {options}); có phải ý bạn là {hint!r}?",
    "unknown pillar {pillar!r} (pillars: {pillars})": "trụ cột không xác định {pillar!r} (các trụ cột: {pillars})",
    "pillar {pillar} is not scored: its indicators must have max_points 0":
        "trụ cột {pillar} không tính điểm: các chỉ tiêu của nó phải có max_points bằng 0",
    "rule {rule!r} cannot score a {type} answer (it scores: {allowed})":
        "quy tắc {rule!r} không tính điểm được câu trả lời dạng {type} (quy tắc này tính: {allowed})",
    "unknown unit kind {kind!r} (expected one of: {kinds})":
        "nhóm đơn vị không xác định {kind!r} (cần một trong: {kinds})",
    "missing column(s): {columns}": "thiếu cột: {columns}",
    "cell {cell} holds a formula without a computed value: open and save the file in Excel or LibreOffice "
    "(recalculated), or paste the values":
        "ô {cell} chứa công thức chưa có giá trị tính sẵn: hãy mở và lưu tệp bằng Excel hoặc LibreOffice "
        "(để tính lại), hoặc dán giá trị",
    "an ordinary XLSForm without dxscore's scoring columns (dx_pillar, dx_points, dx_rule) and dx_pillars sheet: "
    "dxscore only installs questionnaires it can score.{listed} Export a shipped methodology (dxscore methodology "
    "export) to see the columns to add.":
        "một XLSForm thông thường không có các cột tính điểm của dxscore (dx_pillar, dx_points, dx_rule) và trang "
        "dx_pillars: dxscore chỉ cài đặt bộ câu hỏi mà nó tính điểm được.{listed} Hãy xuất một bộ chỉ số có sẵn "
        "(dxscore methodology export) để xem các cột cần bổ sung.",
    " Unsupported question types: {types}.": " Các loại câu hỏi không được hỗ trợ: {types}.",
    "this row is not read: it follows {n} or more empty rows (as in XLSForm); delete the empty rows":
        "dòng này không được đọc: nó nằm sau {n} dòng trống trở lên (như trong XLSForm); hãy xóa các dòng trống",
    "refused: {reason}": "bị từ chối: {reason}",
    "YAML syntax error: {detail}": "lỗi cú pháp YAML: {detail}",
    "cannot read {value!r}: {detail}": "không đọc được {value!r}: {detail}",
    "the choice rule needs points on every option": "quy tắc lựa chọn cần có điểm cho mọi phương án",
    # rows of an answers file (file:row: column: problem)
    "empty": "đang trống",
    "unknown unit {code!r}": "đơn vị không xác định {code!r}",
    "unknown unit {code!r} (did you mean {padded!r}? spreadsheets drop leading zeros)":
        "đơn vị không xác định {code!r} (có phải ý bạn là {padded!r}? bảng tính làm mất các số 0 ở đầu)",
    "unit {unit} ({name}) did not exist in cycle {year} (valid {span})":
        "đơn vị {unit} ({name}) chưa tồn tại trong kỳ {year} (hiệu lực {span})",
    "{code} for {unit} {year} is also on row {row}": "{code} của {unit} kỳ {year} cũng có ở dòng {row}",
    "{code}: {problem}; if it is right, put 1 in the confirmed column":
        "{code}: {problem}; nếu giá trị đúng, hãy ghi 1 vào cột confirmed",
    "{text!r} is not a year": "{text!r} không phải là năm",
    "{year} is not a plausible cycle year": "{year} không phải năm hợp lý của một kỳ đánh giá",
    "the {year} assessment of {unit} is {state}: read-only":
        "bản đánh giá kỳ {year} của {unit} ở trạng thái {state}: chỉ đọc",
    "required key is missing (use to: null for a dropped indicator)":
        "thiếu khóa bắt buộc (dùng to: null cho chỉ tiêu bị bỏ)",
    # XLSForm workbooks (file:sheet:row:column: problem)
    "{text!r}: write each step as min:points, steps separated by ';' (e.g. 4:20; 2:10)":
        "{text!r}: hãy viết mỗi bậc dạng min:điểm, các bậc ngăn bằng ';' (ví dụ 4:20; 2:10)",
    "the row has no type": "dòng không có type",
    "unsupported question type {type!r} (dxscore reads: {types}, note and groups)":
        "loại câu hỏi không được hỗ trợ {type!r} (dxscore đọc: {types}, note và nhóm)",
    "no choice list {name!r} in the choices sheet": "trang choices không có danh sách lựa chọn {name!r}",
    "give the condition in relevant or in dx_relevant_if, not both":
        "hãy ghi điều kiện ở relevant hoặc ở dx_relevant_if, không ghi cả hai",
    "{value!r}: write yes or no (dxscore asks every applicable indicator; a condition belongs in relevant)":
        "{value!r}: hãy ghi yes hoặc no (dxscore hỏi mọi chỉ tiêu áp dụng; điều kiện thuộc về cột relevant)",
    "not a readable .xlsx workbook ({error})": "không phải sổ tính .xlsx đọc được ({error})",
    "the workbook has {n} sheets (limit {most})": "sổ tính có {n} trang tính (giới hạn {most})",
    "cannot read the file ({why})": "không đọc được tệp ({why})",
    "not a regular file": "không phải tệp thông thường",
    "the file is larger than {most} MB; a methodology workbook is far smaller":
        "tệp lớn hơn {most} MB; sổ tính bộ chỉ số nhỏ hơn nhiều",
    "not an .xlsx workbook (save it as Excel Workbook .xlsx)":
        "không phải sổ tính .xlsx (hãy lưu dưới dạng Excel Workbook .xlsx)",
    "the workbook unpacks to {size} MB (limit {most} MB)": "sổ tính giải nén ra {size} MB (giới hạn {most} MB)",
}
