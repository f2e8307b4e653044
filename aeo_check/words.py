"""The words of aeo-check's own interface, in Simplified Chinese and English: their one home.

Catalogue texts (items, questions, help, sources, remediation, benefits) live in questionnaires/;
everything else a person reads, on the screen, in a file or in the PDF report, is here. Every
entry has both languages; {name} marks a value filled in at run time, the same names in both.
Groups:
  general   headings and phrases of the result views (terminal, plan, report)
  punct     punctuation and list separators, as each language writes them
  cli       messages of the command line
  help      --help texts of commands, options and arguments (keyed by command path)
  metavar   placeholders of arguments in usage lines
  typer     the command-line library's own words (usage, errors), used under Chinese
  session   the interactive assessment
  asker     prompts, keys and answer checks of one question
  amount    amounts of money echoed back
  check     answer-file and answer validation messages
  template  comments of the blank answer file
  report    headings and phrases of the PDF/HTML improvement plan (the templates' ``W``)
  plan      the dated plan's task list (CSV)
  progress  progress between two assessments (diff, the report's progress page)
  portfolio a consultant's portfolio of clients
  workbook  the Excel questionnaire
  reason    the scorer's one-line reason for a tier (result JSON)
  doctor    the checks of aeo-check doctor

Each entry is (Chinese, English). A Python literal rather than YAML so that even ``--help``
(which needs the help texts) starts without a YAML parser.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "general": {
        # headings and phrases of the result views (terminal, plan, report)
        "tier": ('信用等级', 'Tier'),
        "likely_tier": ('预计信用等级', 'Likely tier'),
        "score": ('得分', 'Score'),
        "threshold": ('通过线', 'Threshold'),
        "passed": ('通过', 'passes'),
        "not_passed": ('未通过', 'does not pass'),
        "provisional": ('暂定结果：有问题尚未回答', 'Provisional: some questions are unanswered'),
        "reason": ('判断依据', 'Why'),
        "category": ('类别', 'Category'),
        "items": ('项目', 'Items'),
        "points_lost": ('扣分', 'Points lost'),
        "rating": ('结果', 'Rating'),
        "blockers": ('阻碍项', 'Blockers'),
        "gaps": ('差距项', 'Gaps'),
        "next_step": ('下一步', 'Next step'),
        "target_apply": (
            '{tier}：目标申请日 {apply}，预计决定 {decision}（最迟 {latest}）',
            '{tier}: apply by {apply}, decision expected by {decision} (at the latest {latest})',
        ),
        "target_keep": ('{tier}：保持现有等级', '{tier}: keep the current status'),
        "target_repair": ('信用修复：最早 {date}', 'Credit repair: at the earliest {date}'),
        "target_repair_range": ('信用修复：{lo} 至 {hi} 之间', 'Credit repair: between {lo} and {hi}'),
        "target_blocked": ('{tier}：目前无法安排申请日期', '{tier}: no application date can be set now'),
        "target_effort": (
            '工作量 {pd} 人日，其中最长一条任务链 {elapsed} 个工作日；日期取决于：{by}',
            "{pd} person-days of work, the longest owner's chain {elapsed} working days; the date is set by: {by}",
        ),
        "target_by": ('日期取决于：{by}', 'the date is set by: {by}'),
        "no_margin": (
            '按计划完成后得分恰好为{score}分，没有余量：再有一项基本达标就不能通过',
            'the plan lands exactly on {score}: no margin - one more partial item and it fails',
        ),
        "provisional_plan": ('有待核实的事实，日期可能变化', 'facts still to be checked; the dates may move'),
        "see_plan": ('完整任务清单：aeo-check plan {file}', 'Full task list: aeo-check plan {file}'),
        "decider_now": ('现在即可', 'ready now'),
        "decider_check": ('待核实的事实', 'facts to check'),
        "decider_work": ('整改工作', 'the work'),
        "decider_apply": ('申请准备', 'preparing the application'),
        "decider_records": ('制度运行记录', 'records of the new procedures'),
        "decider_statements": ('下一年度审计报告', 'the next audited statements'),
        "decider_wait": ('过往事项移出回溯期', 'past events leaving the look-back window'),
        "decider_bar": ('1年内不得申请的限制', 'the 1-year bar on applying'),
        "decider_repair": ('信用修复后1年内不得申请', 'the 1-year bar after credit repair'),
        "kind_check": ('核实', 'Check'),
        "kind_work": ('整改', 'Work'),
        "kind_records": ('运行留痕', 'Records'),
        "kind_wait": ('等待期满', 'Wait'),
        "kind_statements": ('年度报表', 'Statements'),
        "kind_blocked": ('无法安排', 'Blocked'),
        "kind_repair": ('信用修复', 'Credit repair'),
        "kind_apply": ('提交申请', 'Apply'),
        "col_step": ('步骤', 'Step'),
        "col_kind": ('类型', 'Kind'),
        "col_start": ('开始', 'Start'),
        "col_end": ('结束', 'End'),
        "col_items": ('项目（高级认证编号）', 'Items (Advanced no.)'),
        "col_depends": ('前置步骤', 'Depends on'),
        "col_days": ('人日', 'Days'),
        "col_tiers": ('目标', 'For'),
        "between": ('{lo} 至 {hi}', '{lo} to {hi}'),
        "at_latest": ('最迟 {d}', 'by {d} at the latest'),
        "tolerance": ('容错整改', 'Error tolerance'),
        "tolerance_ok": (
            '可申请容错整改（最长{months}个月），保留{tier}等级',
            'Eligible to apply for rectification (up to {months} months) and keep the {tier} grade',
        ),
        "tolerance_no": ('不满足容错条件，预计将被降级', 'Not eligible for error tolerance: a downgrade is likely'),
        "advanced_short": ('高级认证', 'Advanced'),
        "certified_short": ('认证企业', 'Certified'),
        "provisional_short": ('（暂定）', '(provisional)'),
        "n_files": ('{n}个文件', '{n} files'),
        "n_invalid": ('{n}个无效', '{n} invalid'),
        "unanswered_n": ('{n}个问题未回答', '{n} questions unanswered'),
        "file": ('文件', 'File'),
        "enterprise": ('企业', 'Enterprise'),
        "standard": ('标准', 'Standard'),
        "advanced": ('高级认证企业标准', 'Advanced standard'),
        "certified": ('认证企业标准', 'Certified standard'),
        "effort": ('工作量', 'Effort'),
        "owner": ('责任部门', 'Owner'),
        "days": ('天', 'days'),
        "id": ('编号', 'ID'),
        "no": ('序号', 'No.'),
        "title": ('名称', 'Title'),
        "options": ('可选结果', 'Options'),
        "and_more": ('另有{n}项', 'and {n} more'),
        "self_assessment": ('本报告为企业自评结果，不代表海关的认证决定。', 'This is a self-assessment, not a customs decision.'),
        "invalid": ('无效', 'invalid'),
        "valid": ('有效', 'valid'),
        "problems": ('{n}个问题', '{n} problem(s)'),
        "needs_terminal": (
            '交互式评估需要在终端中运行；非交互环境请使用 aeo-check template 生成答卷、aeo-check score 评分',
            'interactive assessment needs a terminal; elsewhere use aeo-check template to make an answer file and aeo-check score to score it',
        ),
        "saved_at": ('答案已保存到 {path}', 'Answers are saved in {path}'),
        "resume_with": ('继续作答：{command}', 'To continue: {command}'),
        "interrupted": ('已中断。', 'Interrupted.'),
        # dates: y, m and d are numbers; month is the month as the language names it (11 / Nov)
        "date": ('{y}年{m}月{d}日', '{y}-{m:02d}-{d:02d}'),
        "date_long": ('{y}年{month}月{d}日', '{d} {month} {y}'),
        "year_month": ('{y}年{m}月', '{y}-{m:02d}'),
    },
    "punct": {
        # the report's templates read these as W.colon, W.full_stop, W.list_sep, W.semi
        "colon": ('：', ': '),
        "full_stop": ('。', '.'),
        "list_sep": ('、', ', '),
        "list_last": ('、', ' and '),
        "semi": ('；', '; '),
        "comma": ('，', ', '),
        "choice_sep": ('、', '; '),
    },
    "cli": {
        "catalogue_broken": ('标准目录数据有误：', 'the catalogue is broken:'),
        "unknown_item": ('没有编号为 {id} 的条目', 'unknown item id {id}'),
        "did_you_mean": ('（是否要找：{ids}？）', ' (did you mean {ids}?)'),
        "unknown_number": ('{standard}中没有第({n})项', 'the {standard} has no item ({n})'),
        "tier_below": ('信用等级低于 {tier}', 'tier below {tier}'),
        "ok": ('{file}：有效', '{file}: ok'),
        "rendering_pdf": ('正在生成 PDF 整改计划……', 'Rendering the PDF plan…'),
        "rendering_html": ('正在生成 HTML 整改计划……', 'Rendering the HTML plan…'),
    },
    "typer": {
        "usage": ('用法：', 'Usage: '),
        "options_metavar": ('[选项]', '[OPTIONS]'),
        "command_metavar": ('命令 [参数]...', 'COMMAND [ARGS]...'),
        "try_help": ("运行 '{command} {option}' 查看帮助。", "Try '{command} {option}' for help."),
        "error": ('错误：{message}', 'Error: {message}'),
        "options": ('选项', 'Options'),
        "arguments": ('参数', 'Arguments'),
        "commands": ('命令', 'Commands'),
        "show_help": ('显示本帮助并退出。', 'Show this message and exit.'),
        "default": ('默认：{default}', 'default: {default}'),
        "required": ('必填', 'required'),
        "no_such_option": ('没有选项 {name}', 'No such option: {name}'),
        "possible": ('（可能是：{names}）', ' (Possible options: {names})'),
        "missing_argument": ('缺少参数 {name}', "Missing argument '{name}'."),
        "missing_option": ('缺少选项 {name}', "Missing option '{name}'."),
        "invalid_value": ('{name} 的值无效：{message}', 'Invalid value for {name}: {message}'),
        "not_one_of": ('{value} 不是可选值，可选：{choices}', '{value} is not one of {choices}.'),
        "needs_value": ('选项 {name} 需要一个值', "Option '{name}' requires an argument."),
        "extra_args": ('多余的参数：{args}', 'Got unexpected extra argument(s) ({args})'),
        "no_such_command": ('没有命令 {name}', "No such command '{name}'."),
        "missing_command": ('缺少命令。', 'Missing command.'),
        "aborted": ('已中止。', 'Aborted!'),
    },
    "session": {
        "welcome": ('AEO 认证自评 · {title}', 'AEO self-assessment · {title}'),
        "saving": ('每个答案都会立即保存到 {path}', 'Every answer is saved at once in {path}'),
        "profile": ('企业概况', 'Enterprise profile'),
        "name": ('企业名称', 'Enterprise name'),
        "uscc": ('统一社会信用代码（18位）', 'Unified social credit code (18 characters)'),
        "customs_code": ('海关编码（10位）', 'Customs code (10 characters)'),
        "type": ('企业类型', 'Enterprise type'),
        "specific": ('适用的单项标准（可多选，没有则直接回车）', 'Specific standards that apply (several allowed; Enter for none)'),
        "production": ('是否为生产型企业？', 'Is it a production enterprise?'),
        "current_tier": ('海关目前给予的信用等级', 'The credit tier customs gives the enterprise today'),
        "help_uscc": (
            '营业执照上的18位代码，最后一位是校验位。',
            'The 18-character code on the business licence; the last one is a check digit.',
        ),
        "help_customs_code": ('海关注册登记编码，10位。', 'The 10-character customs registration code.'),
        "help_production": ('生产型企业的资产负债率标准较宽。', 'Production enterprises have a looser debt-ratio threshold.'),
        "help_type": (
            '进出口货物收发货人：以自己名义进出口货物的企业；报关企业：接受委托代为办理报关的企业。',
            'Importer/exporter: the enterprise imports or exports goods in its own name. Customs broker: it declares goods on behalf of others.',
        ),
        "specific_intro": (
            '单项标准只适用于从事相应业务的企业，按实际业务勾选：',
            'A specific standard applies only to an enterprise in that business; tick the ones that fit:',
        ),
        "specific_health_quarantine": (
            '卫生检疫：进出境特殊物品（微生物、人体组织、生物制品、血液及其制品等）的收发货人或代理报关企业',
            'Health quarantine: imports or exports of special articles (micro-organisms, human tissue, biological products, blood and blood products), or declaring them for others',
        ),
        "specific_animal_plant_quarantine": (
            '动植物检疫：进出境动植物、动植物产品和其他检疫物（如粮食、水果、木材、饲料、种苗）',
            'Animal and plant quarantine: live animals or plants, animal or plant products and other quarantine items (grain, fruit, timber, feed, seedlings)',
        ),
        "specific_food_cosmetics": (
            '进出口食品化妆品：进口或出口食品、食品添加剂或化妆品',
            'Food and cosmetics: imports or exports of food or cosmetics',
        ),
        "specific_commodity_inspection": (
            '进出口商品检验：进出口列入必须实施检验目录（法检目录）的商品，如机电产品、家电、玩具、危险化学品',
            'Commodity inspection: imports or exports of goods on the compulsory inspection list, such as electrical and mechanical products, household appliances, toys or hazardous chemicals',
        ),
        "specific_none": ('以上业务都没有：不勾选，直接回车。', 'None of these: tick nothing and press Enter.'),
        "required": ('此项为必填，不能跳过', 'This one is required and cannot be skipped'),
        "first": ('已经是第一个问题', 'This is the first question'),
        "note_prompt": ('备注（留空则删除备注）：', 'Note (empty to remove it):'),
        "note_saved": ('备注已保存', 'Note saved'),
        "skipped": (
            '已跳过：该问题保持未回答，结果将标记为暂定',
            'Skipped: the question stays unanswered and the result will be provisional',
        ),
        "ask_source": ('可向此处核实：{source}', 'Find it out from: {source}'),
        "help": ('说明', 'Help'),
        "intro_title": ('开始之前', 'Before you start'),
        "intro_count": (
            '先填写7项企业概况，之后是{low}至{high}个问题（按企业类型和单项标准而定），约需{minutes}分钟；可以随时按 Ctrl-C 中断，下次继续。',
            'First 7 profile entries, then {low} to {high} questions (depending on the enterprise type and the specific standards), about {minutes} minutes; stop any time with Ctrl-C and continue later.',
        ),
        "intro_docs": ('请先准备以下资料，或确认可以向谁询问：', 'Have these documents at hand, or know whom to ask:'),
        "intro_docs_n": ('（{n}题）', ' ({n} questions)'),
        "checklist_saved": ('可打印的资料清单已保存到 {path}', 'A printable checklist is saved in {path}'),
        "checklist_title": ('AEO 认证自评 · 资料准备清单', 'AEO self-assessment · documents to gather'),
        "checklist_for": ('{enterprise}，答卷 {path}', '{enterprise}, answer file {path}'),
        "checklist_used_for": ('用于：', 'Used for:'),
        "checklist_keys": (
            '作答时不清楚的问题按 Ctrl-D 记为“不清楚，待核实”，结束时会列出，核实后用 --resume 补答。',
            'When a question cannot be answered yet, press Ctrl-D to record "don\'t know yet"; they are listed at the end, and --resume fills them in later.',
        ),
        "count_exact": (
            '本企业共需回答{n}个问题，约需{minutes}分钟。',
            'This enterprise has {n} questions to answer, about {minutes} minutes.',
        ),
        "progress": ('{pos}/{total} · {section} {spos}/{stotal}', '{pos}/{total} · {section} {spos}/{stotal}'),
        "done": ('问卷完成', 'Questionnaire complete'),
        "offer_pdf": ('现在生成 PDF 整改计划吗？', 'Write the PDF improvement plan now?'),
        "pdf_path": ('PDF 保存路径：', 'Save the PDF as:'),
        "pdf_written": ('整改计划已生成：{path}', 'Improvement plan written: {path}'),
        "exists": (
            '{path} 已存在。继续该文件请用 --resume {path}，或用 -o 指定新文件。',
            '{path} already exists. To continue it use --resume {path}, or choose a new file with -o.',
        ),
        "review_needs": ('--review 需要与 --resume 文件 一起使用', '--review needs --resume FILE'),
        "unknown_section": ('未知的部分 {s}；可选：{all}', 'unknown section {s}; choose one of: {all}'),
        "incomplete": (
            '企业信息不完整，无法评分；请用 --resume 继续填写。',
            'The enterprise profile is incomplete, so nothing can be scored; continue with --resume.',
        ),
        "invalid_resume": ('{path} 中有无效内容，请先修正：', '{path} holds invalid entries; fix them first:'),
        "inconsistent": (
            '与已有答案矛盾：{msg}（请重新回答；Ctrl-P 返回修改上一题，Ctrl-S 跳过）',
            'This contradicts an earlier answer: {msg} (answer again; Ctrl-P goes back, Ctrl-S skips)',
        ),
        "locked": (
            '{path} 正在另一个 aeo-check assess 会话中作答（进程 {pid}）。请先完成或退出那个会话。',
            '{path} is being answered in another aeo-check assess session (process {pid}). Finish or quit that one first.',
        ),
        "save_failed": (
            '无法保存到 {path}：{why}。答案仍保留在内存中，没有丢失。',
            'Could not save to {path}: {why}. The answers are kept in memory; nothing is lost.',
        ),
        "save_elsewhere": (
            '另存为（留空则暂不保存，下一个答案时再试）：',
            'Save to another file (empty: not now, try again at the next answer):',
        ),
        "kept_in_memory": (
            '答案暂存在内存中；回答下一题时会再次尝试保存到 {path}。',
            'The answers are kept in memory; saving to {path} is tried again after the next answer.',
        ),
        "path_taken": ('{path} 已存在，请换一个文件名。', '{path} already exists; choose another name.'),
        "not_saved_dump": ('答案未能保存。以下是全部答案，请复制保存：', 'The answers could not be saved. Here they all are, to copy:'),
        "pdf_failed": ('无法写入 PDF：{why}', 'Could not write the PDF: {why}'),
        "name_too_long": ('不能超过 {n} 个字', 'At most {n} characters'),
        "no_control": ('不能包含控制字符', 'Control characters are not allowed'),
        "resumed": (
            '继续 {path}：已回答{n}个问题（其中{k}个待核实），企业概况{p}/7项',
            'Continuing {path}: {n} questions answered ({k} of them "don\'t know yet"), profile {p}/7',
        ),
        "dont_know_title": ('待核实的问题（{n}个）', 'Questions to find out ({n})'),
        "dont_know_more": (
            '……另有{n}个，见答卷中值为 dont_know 的问题',
            '… and {n} more: the questions answered dont_know in the answer file',
        ),
        "dont_know_then": ('核实后运行：{command}', 'Once known, run: {command}'),
        "result_verdict": ('预计信用等级：{tier}', 'Likely tier: {tier}'),
        "result_provisional": ('暂定：{u}个问题未回答，{d}个待核实', 'Provisional: {u} unanswered, {d} to find out'),
        "result_scores": (
            '{standard}：{score}分（通过线{threshold}）{verdict}',
            '{standard}: {score} (threshold {threshold}) {verdict}',
        ),
        "next_step": ('下一步', 'Next step'),
        "top_blockers": ('主要阻碍项（{standard}）', 'Top blockers ({standard})'),
        "blocker_unanswered": ('未回答', 'unanswered'),
        "blocker_fail": ('不达标', 'fails'),
        "see_rest": ('查看全部', 'See the rest'),
        "see_score": ('完整结果：{command}', 'Full result: {command}'),
        "see_report": ('整改计划：{command}', 'Improvement plan: {command}'),
    },
    "asker": {
        "yes": ('是', 'Yes'),
        "no": ('否', 'No'),
        "dont_know": ('不清楚，待核实', "Don't know yet"),
        "keys": (
            '? 帮助 · Ctrl-P 上一题 · Ctrl-S 跳过 · Ctrl-D 不清楚（待核实） · Ctrl-N 备注 · Ctrl-C 退出（答案已保存）',
            "? help · Ctrl-P previous · Ctrl-S skip · Ctrl-D don't know yet · Ctrl-N note · Ctrl-C quit (answers are saved)",
        ),
        "yes_no_instruction": ('（y 是 / n 否 / d 不清楚）', "(y yes / n no / d don't know) "),
        "yes_no_plain": ('（y 是 / n 否）', '(y yes / n no) '),
        "skipped": ('已跳过', 'skipped'),
        "now": ('（当前：{answer}）', '(now: {answer}) '),
        "unit": ('（{unit}）', ' ({unit})'),
        "colon": ('：', ':'),
        "select_instruction": ('（上下键选择，回车确认）', '(arrow keys, Enter to choose)'),
        "checkbox_instruction": ('（上下键移动，空格勾选，回车确认）', '(arrow keys to move, space to tick, Enter to confirm)'),
        "none_ticked": ('（未勾选）', '(none ticked)'),
        "required": ('请填写', 'Please enter a value'),
        "number": ('请输入数字', 'Enter a number'),
        "integer": ('请输入整数', 'Enter a whole number'),
        "no_exponent": ('请直接写出数字，如 3亿、2800万 或 28000000', 'Write the number out, e.g. 28000000, 2800万 or 28 million'),
        "money_format": (
            '请输入金额，如 3亿、2800万、150000',
            'Enter an amount, e.g. 150000, 2800万 (28 million) or 3亿 (300 million)',
        ),
        "date": ('请输入日期，格式 YYYY-MM-DD', 'Enter a date as YYYY-MM-DD'),
        "last_event_never": ('从未发生', 'Never'),
        "last_event_when": ('发生过：输入最近一次的年月', 'It has happened: enter the month of the latest one'),
        "last_event_month": (
            '最近一次的年月 YYYY-MM（或日期 YYYY-MM-DD）',
            'Month of the latest one, YYYY-MM (or the date YYYY-MM-DD)',
        ),
        "last_event": ('请输入年月 YYYY-MM 或日期 YYYY-MM-DD', 'Enter the month as YYYY-MM or the date as YYYY-MM-DD'),
        "too_long": ('不能超过 {n} 个字', 'At most {n} characters'),
        "after_today": ('不能晚于评估日期 {date}', 'Must not be after the assessment date {date}'),
        "min": ('不能小于 {v}', 'Must not be less than {v}'),
        "max": ('不能大于 {v}', 'Must not be more than {v}'),
        "echo": ('已记录：{value}', 'Recorded: {value}'),
        "answer_never": ('从未发生', 'never'),
        "answer_month": ('{y}年{m}月', '{ym}'),
    },
    "check": {
        "uscc_length": ('应为18位，实际{n}位', 'must be 18 characters, got {n}'),
        "uscc_chars": ('含有不允许的字符 {bad}；只能使用数字和 {letters}', 'contains {bad}; allowed are digits and {letters}'),
        "uscc_check_digit": ('校验位为 {got}，应为 {expected}', 'check digit is {got}, expected {expected}'),
        "customs_code": ('应为10位数字或大写字母', 'must be 10 characters, digits and capital letters'),
        "customs_code_quotes": (
            '海关编码请加引号，如 "4403960001"，以保留开头的0',
            'write the customs code in quotes, e.g. "4403960001", so leading zeros are kept',
        ),
        "must_be_text": ('应为文字', 'must be text'),
        "specific_twice": ('重复列出了同一项单项标准', 'lists a specific standard twice'),
        "allowed_bool": ('true（是）或 false（否）', 'true or false (yes or no)'),
        "allowed_one_of": ('以下之一：{values}', 'one of: {values}'),
        "allowed_list_of": ('以下值组成的列表：{values}', 'a list of: {values}'),
        "allowed_date": ('日期 YYYY-MM-DD', 'a date YYYY-MM-DD'),
        "allowed_date_before": ('日期 YYYY-MM-DD，不晚于评估日期', 'a date YYYY-MM-DD, not after assessed_on'),
        "too_early": ('{value} 太早：日期应不早于 {date}', '{value} is too early: expected a date from {date} on'),
        "too_long": ('{n}个字，超过上限 {limit}', '{n} characters; the limit is {limit}'),
        "control_chars": ('不能包含控制字符（转义序列等）', 'must not contain control characters'),
        "thousands": ('千位分隔符应每三位一个，如 1,500,000', 'thousands separators go between groups of three digits'),
        "digits": ('请用数字0-9书写，如 1500000、1,500,000 或 0.85', 'write the number with the digits 0-9'),
        "too_large": ('数字太大：小数点前最多{n}位', 'too large: at most {n} digits before the decimal point'),
        "decimals": ('最多{n}位小数', 'at most {n} decimal places'),
        "not_finite": ('不是有限的数字', 'not a finite number'),
        "allowed_last_event": (
            'never（从未发生），或最近一次发生的日期（YYYY-MM-DD）或年月（YYYY-MM）',
            'never, or the date (YYYY-MM-DD) or month (YYYY-MM) it last happened',
        ),
        "allowed_text": ('文字', 'text'),
        "allowed_integer": ('整数', 'a whole number'),
        "allowed_number": ('数字', 'a number'),
        "allowed_percent": ('（百分数，85 表示 85%）', ' (percent, 85 means 85 %)'),
        "allowed_dont_know": ('；不清楚可填 dont_know', '; dont_know if not known yet'),
        "expected": ('应为{allowed}', 'expected {allowed}'),
        "out_of_range": ('{value} 超出范围：应为{allowed}', '{value} is out of range: expected {allowed}'),
        "not_allowed": ('{value} 不是允许的值：应为{allowed}', '{value} is not allowed: expected {allowed}'),
        "list_not_allowed": ('{values} 不是允许的值：应为{allowed}', '{values} not allowed: expected {allowed}'),
        "twice": ('重复列出了同一个值', 'lists a value twice'),
        "expected_text": ('应为文字', 'expected text'),
        "after_assessment": ('{value} 晚于评估日期 {date}', '{value} is after the assessment date {date}'),
        "not_a_mapping": (
            '答卷应为包含 format、standard、enterprise、assessed_on 和 answers 的映射',
            'an answer file is a mapping with format, standard, enterprise, assessed_on and answers',
        ),
        "missing_field": ('缺少必填字段', 'required field is missing'),
        "unknown_field": ('未知字段；允许的字段：{fields}', 'unknown field; allowed: {fields}'),
        "wrong_catalogue": (
            '答卷针对的是标准目录 {given}；本 aeo-check 使用 {known}',
            'answers were given for catalogue {given}; this aeo-check knows {known}',
        ),
        "wrong_catalogue_draft": ('答卷针对的是 {given}，而不是 {known}', 'answers were given for {given}, not {known}'),
        "unknown_question": ('未知的问题编号{hint}', 'unknown question id{hint}'),
        "unknown_note": ('备注对应的问题编号不存在{hint}', 'note for an unknown question id{hint}'),
        "did_you_mean": ('（是否为 {id}？）', ' (did you mean {id}?)'),
        "not_for_type": ('该问题不适用于 {type} 类企业', 'this question is not asked of a {type} enterprise'),
        "invalid_date": ('应为日期 YYYY-MM-DD', 'expected a date YYYY-MM-DD'),
        "invalid_bool": ('应为 true 或 false', 'expected true or false'),
    },
    "template": {
        "head": (
            'aeo-check 答卷模板：在每个冒号后填写答案；暂不清楚的填 dont_know，不回答的留空（评分结果将标记为暂定）。',
            'aeo-check answer file template: write each answer after its colon; dont_know if not known yet, empty to leave it unanswered (the result is then provisional).',
        ),
        "score": (
            '填写后运行：aeo-check validate {f} && aeo-check score {f}',
            'Then run: aeo-check validate {f} && aeo-check score {f}',
        ),
        "allowed": ('可填', 'allowed'),
        "only_if": ('仅当以下条件成立时回答', 'answer only if'),
        "source": ('信息来源', 'where to find it'),
        "name": ('企业名称', 'enterprise name'),
        "uscc": ('统一社会信用代码（18位，校验位会被检查）', 'unified social credit code (18 characters, check digit verified)'),
        "customs_code": ('海关编码（10位，请加引号）', 'customs registration code (10 characters, keep the quotes)'),
        "type": ('企业类型：importer_exporter（进出口货物收发货人）| customs_broker（报关企业）', 'importer_exporter | customs_broker'),
        "specific": ('适用的单项标准', 'specific standards that apply'),
        "production": (
            '生产型企业填 true，非生产型填 false（决定资产负债率标准）',
            'true for a production enterprise, false otherwise (decides the debt-ratio threshold)',
        ),
        "current_tier": (
            '海关目前给予的信用等级：advanced | certified | regular | discredited | seriously_discredited',
            'the tier customs gives today: advanced | certified | regular | discredited | seriously_discredited',
        ),
        "notes": (
            '可为任一问题添加备注，格式：问题编号: "备注"（备注会写入报告）',
            'optional notes per question, as question_id: "note" (carried into reports)',
        ),
        "unit": ('单位', 'unit'),
        "header": (
            'aeo-check 答卷：每个答案都会立即保存。继续作答：{command}',
            'aeo-check answer file: saved after every answer. Resume with: {command}',
        ),
    },
    "report": {
        "doc_title": ('AEO认证改进计划', 'AEO certification improvement plan'),
        "doc_subtitle": (
            '海关企业信用认证自评结果与整改路线',
            "Self-assessment against China Customs' credit certification standards, and the way to the next tier",
        ),
        "prepared_by": ('编制单位', 'Prepared by'),
        "uscc": ('统一社会信用代码', 'Unified social credit code'),
        "customs_code": ('海关编码', 'Customs code'),
        "ent_type": ('企业类型', 'Enterprise type'),
        "specific": ('单项标准', 'Specific standards'),
        "none": ('无', 'none'),
        "assessed_on": ('评估日期', 'Assessment date'),
        "standard_version": ('标准版本', 'Standard version'),
        "likely_tier": ('预计信用等级', 'Likely credit tier'),
        "score_vs": ('得分 / 通过线', 'Score / pass mark'),
        "passes": ('通过', 'passes'),
        "fails": ('未通过', 'does not pass'),
        "provisional": (
            '暂定结果：仍有问题未回答，结论可能变化。',
            'Provisional: some questions are still unanswered, so the verdict may change.',
        ),
        "unanswered_count": ('未回答的问题', 'Unanswered questions'),
        # first page (board)
        "board_kicker": ('董事会决策摘要', 'Summary for the board'),
        "board_now": ('现状', 'Where we stand'),
        "board_target": ('目标与时间', 'Where we can be'),
        "board_takes": ('所需投入', 'What it takes'),
        "board_brings": ('能带来什么', 'What it brings'),
        "board_risk": ('不作为的风险', 'The risk of doing nothing'),
        "board_rec": ('建议', 'Recommendation'),
        "now_held": ('海关现给予的等级', 'Tier customs gives today'),
        "now_likely": ('按本次自评预计', 'Likely tier on this assessment'),
        "apply_on": ('目标申请日期', 'Target application date'),
        "decision_by": ('预计认证决定日期', 'Expected decision'),
        "meets_now": ('已符合标准', 'Meets the standard now'),
        "no_margin": ('刚好达到通过线，没有余量', 'reaches the pass mark exactly: no margin'),
        "not_reachable": ('完成全部可整改项后仍无法达到', 'Cannot be reached even after every fixable gap is closed'),
        "repair_from": ('最早{date}可完成信用修复', 'Credit repair possible from {date}'),
        "undated": ('日期见整改路线图', 'dates in the roadmap'),
        "work_items": ('需整改{n}项，工作量约{days}', '{n} to close, about {days} of work'),
        "tier_col": ('等级', 'Tier'),
        "person_days": ('人日', 'Person-days'),
        "cost": ('费用', 'Cost'),
        "total": ('合计', 'Total'),
        "elapsed": ('各部门并行推进，工作本身约需{days}', 'With owners working in parallel, the work itself takes about {days}'),
        "effort_basis": (
            '按目标等级所需整改项的经验工作量估算。',
            'Estimated from the typical effort of each gap on the way to the target tier.',
        ),
        "no_rates": ('未提供日费率，故不列费用。', 'No day rates were given, so no cost is shown.'),
        "ready_now": (
            '申请{tier}无需整改；以下为继续晋级所需投入。',
            'Applying for {tier} needs no further work; what follows is the work for the next tier up.',
        ),
        "extra_costs": ('其他费用', 'Other costs'),
        "rate_source": ('来源', 'Source'),
        "markets_title": ('主要出口市场是否认可中国AEO', "Do the main export markets recognise China's AEO?"),
        "mra_implemented": ('已实施互认', "Recognises China's AEO"),
        "mra_since": ('自{date}起', 'since {date}'),
        "mra_signed": ('已签署或计划互认，实施日期未查到', 'Arrangement signed or planned; start date not found'),
        "mra_not_listed": ('未列入我们掌握的互认名单', 'Not in our list of partners'),
        "markets_not_asked": ('答卷未填写主要出口市场。', 'The answer file does not name the main export markets.'),
        "no_exports": (
            '企业没有出口业务，互认便利主要惠及出口。',
            'The enterprise does not export; mutual recognition mainly helps exports.',
        ),
        "measures_title": ('高级认证企业的便利措施', 'Facilitation for Advanced certified enterprises'),
        "pass_rule_mark": ('†', '†'),
        "pass_rule_note": (
            '† 2026年标准的通过规则和计分方法尚未公布，本计划假定沿用此前规则：没有“不达标”项，且100分加减各项得分后不低于95分（见附件）。',
            "† The 2026 standards' pass rule and points are not published; this plan assumes the earlier rule: no item at fail, and 100 plus item points at least 95 (see the annex).",
        ),
        "veto": (
            '得分{score}分，虽不低于{threshold}分，但{items}不达标；任何一项不达标即不能通过（一票否决）。',
            'It scores {score}, at or above {threshold}, yet does not pass: {items} is at fail, and any item at fail rules out a pass.',
        ),
        "veto_unanswered": (
            '得分{score}分，虽不低于{threshold}分，但仍有{items}因问题未回答无法判定，暂不能判定通过。',
            'It scores {score}, at or above {threshold}, but {items} cannot be judged until the questions behind them are answered, so it does not pass yet.',
        ),
        "below_and_fail": ('{items}不达标（一票否决）。', '{items} at fail (any item at fail rules out a pass).'),
        "rec_repair": (
            '先消除失信情形并申请信用修复，再着手认证。',
            'First clear the discredit grounds and apply for credit repair; certification comes after.',
        ),
        "rec_apply_now": (
            '企业已符合{tier}标准，建议现在准备材料并提出申请。',
            'The enterprise meets the {tier} standard: prepare the file and apply now.',
        ),
        "rec_apply_dated": (
            '企业已符合{tier}标准，建议于{apply_on}提出申请，预计{decision_by}前获得认证决定。',
            'The enterprise meets the {tier} standard: apply on {apply_on}, with a decision expected by {decision_by}.',
        ),
        "rec_keep": (
            '保持{tier}等级：每年开展内审，6月30日前报送上一年度审计事项，迎接海关复核。',
            "Keep the {tier} status: run the yearly internal audit, report the audited year by 30 June, and be ready for customs' review.",
        ),
        "rec_none": ('目前没有可行的晋级路径，请先解决阻碍项。', 'No tier above is within reach yet: deal with the blockers first.'),
        "rec_go": (
            '建议以{tier}为目标，立即启动{items}整改，完成后提出申请。',
            'Aim for {tier}: start now on the {items} to close, then apply.',
        ),
        "rec_go_dated": (
            '建议以{tier}为目标，立即启动整改，于{apply_on}提出申请，预计{decision_by}前获得认证决定。',
            'Aim for {tier}: start now, apply on {apply_on}, and expect a decision by {decision_by}.',
        ),
        "rec_then_adv": ('之后再争取{tier}', ' Then go on to {tier}'),
        "rec_then_adv_date": ('（目标申请日期{apply_on}）', ' (target application date {apply_on})'),
        "n_item": ('{n}项', '{n} item'),
        "n_items": ('{n}项', '{n} items'),
        "n_day": ('{n}个工作日', '{n} working day'),
        "n_days": ('{n}个工作日', '{n} working days'),
        # document control and sign-off
        "doc_control": ('文件控制', 'Document control'),
        "report_no": ('报告编号', 'Report number'),
        "revision": ('版本', 'Version'),
        "issued": ('出具日期', 'Date of issue'),
        "tool": ('评估工具', 'Assessment tool'),
        "catalogue": ('标准数据版本', 'Standards catalogue'),
        "classification": ('密级', 'Classification'),
        "client": ('委托企业', 'Client'),
        "signoff": ('签署', 'Sign-off'),
        "role": ('职责', 'Role'),
        "name": ('姓名', 'Name'),
        "signature": ('签字', 'Signature'),
        "date": ('日期', 'Date'),
        "role_prepared": ('编制', 'Prepared'),
        "role_reviewed": ('审核', 'Reviewed'),
        "role_approved": ('批准（企业管理层）', 'Approved (enterprise management)'),
        "role_legal_rep": ('法定代表人', 'Legal representative'),
        "signoff_note": (
            '法定代表人签字表示企业确认自评所依据的事实，并同意按本计划推进整改。',
            'By signing, the legal representative confirms the facts this self-assessment rests on and agrees to carry out the plan.',
        ),
        # chapters
        "summary": ('一、结论摘要', '1. Executive summary'),
        "where_stands": ('当前状况', 'Where the enterprise stands'),
        "what_blocks": ('晋级障碍', 'What stands in the way'),
        "how_long": ('所需工作量', 'How much work'),
        "chart_title": ('二、各类别扣分', '2. Points lost by category'),
        "chart_svg_title": ('各类别扣分：高级认证企业标准与认证企业标准', 'Points lost by category: Advanced and Certified standards'),
        "chart_note": (
            '深色为高级认证企业标准，浅色为认证企业标准；数值为扣分。',
            'Dark bars: Advanced standard; light bars: Certified standard. Values are points lost.',
        ),
        "standards_title": ('三、两项标准对照', '3. The two standards side by side'),
        "standard": ('标准', 'Standard'),
        "score": ('得分', 'Score'),
        "threshold": ('通过线', 'Pass mark'),
        "item_points": ('项目扣分', 'Item points'),
        "bonus": ('加分', 'Bonus'),
        "fail_items": ('不达标项', 'Failed items'),
        "partial_items": ('基本达标项', 'Partly met'),
        "result": ('结论', 'Verdict'),
        "blockers_title": ('阻碍项', 'Blockers'),
        "blockers_none": ('没有不达标或未回答的项目。', 'No item is at fail or unanswered.'),
        "gaps_title": ('全部差距项（按优先级）', 'Every gap'),
        "gaps_none": ('没有差距项。', 'No gaps.'),
        "on_path": ('晋级必需', 'On the path'),
        "rating_adv": ('高级认证', 'Advanced'),
        "rating_cer": ('认证企业', 'Certified'),
        "why": ('判断依据', 'What the answers say'),
        "note": ('备注', 'Note'),
        "note_own_words": ('企业备注（原文）', "Enterprise's note, as written"),
        "remediation": ('整改步骤', 'What to do'),
        "evidence": ('需准备的证据', 'Evidence to prepare'),
        "owner": ('责任部门', 'Owner'),
        "effort": ('工作量', 'Effort'),
        "days": ('个工作日', 'working days'),
        "not_rectifiable": ('历史事项：回溯期届满后自然消除', 'A past event: it clears when its look-back period ends'),
        "skipped": ('未询问（前一题的回答使其不适用）', 'not asked (an earlier answer makes it irrelevant)'),
        "unanswered_state": ('未回答', 'unanswered'),
        "unknown_state": ('无法计算', 'cannot be computed'),
        "roadmap_title": ('四、日期计划', '4. The dated plan'),
        "roadmap_intro": (
            '从评估日起按日历日期排列的整改、等待与申请步骤。各部门同时推进，同一部门的任务依次完成。',
            "Work, waits and the application, in calendar dates from the assessment day. Owners work at the same time; one owner's tasks follow one another.",
        ),
        "roadmap_none": ('当前无需晋级路径。', 'No path is needed.'),
        "phase_p30": ('30天内', 'First 30 days'),
        "phase_p90": ('90天内', 'Within 90 days'),
        "phase_p180": ('180天内', 'Within 180 days'),
        "phase_later": ('180天以上', 'Beyond 180 days'),
        "phase": ('阶段', 'Phase'),
        "infeasible": ('即使完成全部整改项也无法达到该等级。', 'This tier cannot be reached even after closing every gap.'),
        "triggers_title": ('失信情形', 'Grounds for a discredited rating'),
        "repair": ('信用修复', 'Credit repair'),
        "evidence_title": ('五、证据清单', '5. Evidence checklist'),
        "evidence_intro": (
            '海关认证审核时通常会查阅的文件和记录。缺失的排在最前；只有在发生某类事件后才会有的文件（如处罚决定书），未发生时列为不适用。',
            'Documents and records a customs audit of this enterprise will ask for, missing ones first. A document that only exists after an event (a penalty decision, say) is not applicable when the event did not happen.',
        ),
        "doc": ('文件或记录', 'Document or record'),
        "exists": ('状态', 'Status'),
        "yes": ('已具备', 'Held'),
        "no": ('未具备', 'Missing'),
        "unknown": ('待确认', 'To check'),
        "appendix_title": ('附录一：问答记录', 'Appendix 1: the answers'),
        "question": ('问题', 'Question'),
        "answer": ('回答', 'Answer'),
        "unanswered": ('未回答', 'Unanswered'),
        "computed": ('计算所得指标', 'Computed indicators'),
        "annex_title": ('附录二：技术说明（方法、假设与资料来源）', 'Appendix 2: technical annex (method, assumptions and sources)'),
        "method_title": ('评估方法', 'Method'),
        "method_text": (
            '本计划根据企业对事实性问题的回答，逐项对照海关高级认证企业标准和认证企业标准评定达标情况，先检查失信情形，再按通过规则判断两项标准是否通过；晋级路径为达到目标等级工作量最少的整改项组合。',
            "The plan rates every item of the Advanced and the Certified standard from the enterprise's answers to factual questions, checks the grounds for a discredited rating first, then applies the pass rule to each standard. The path to a tier is the set of gaps with the least work that reaches it.",
        ),
        "assumptions_title": ('本评估采用的假设', 'Assumptions this assessment relies on'),
        "assumptions_intro": (
            '以下事项在官方文本中尚未公开或尚未核实，本工具的处理如下；方括号内数字对应下文资料来源。',
            'Where the official text is not public or not verified, these are the choices the tool made; numbers in brackets refer to the sources below.',
        ),
        "own_choice": ('（本工具的处理方式，无外部来源）', "(the tool's own choice; no outside source)"),
        "sources_title": ('资料来源', 'Sources'),
        "sources_intro": (
            '正文中方括号内的数字对应以下资料。第三方资料未与海关总署正式文本逐字核对。',
            "Numbers in brackets in the text refer to these. Third-party material has not been checked word for word against GACC's official text.",
        ),
        "third_party": ('第三方资料', 'third party'),
        "item_index_title": ('项目编号对照', 'Item index'),
        "item_index_intro": (
            '工具内部编号与两项标准中官方序号的对照。',
            "The tool's internal ids and the official numbers of each item in the two standards.",
        ),
        "internal_id": ('内部编号', 'Internal id'),
        "source": ('来源', 'Source'),
        "timing": ('申请时间', 'When to apply'),
        "may_apply_from": ('最早可申请日期', 'May apply from'),
        "tolerance_title": ('容错整改', 'Error tolerance'),
        "tolerance_ok": (
            '可申请容错整改，整改期间保留现有等级。',
            'Eligible: apply for a rectification period and keep the current grade meanwhile.',
        ),
        "tolerance_no": ('不符合容错条件，预计将被降级。', 'Not eligible for error tolerance: a downgrade is likely.'),
        "disclaimer": ('本报告为企业自评结果，不代表海关的认证决定。', 'This is a self-assessment, not a customs decision.'),
        "sum_tier": (
            '根据现有回答，企业预计评定为{tier}。',
            'On the answers given, the enterprise would most likely be rated {tier}.',
        ),
        "sum_adv": (
            '高级认证企业标准得分{score}分（通过线{threshold}分），{verdict}。',
            "It scores {score} against the Advanced standard's pass mark of {threshold} and {verdict}.",
        ),
        "sum_cer": (
            '认证企业标准得分{score}分（通过线{threshold}分），{verdict}。',
            "It scores {score} against the Certified standard's pass mark of {threshold} and {verdict}.",
        ),
        "sum_blocks_1": (
            '达到{tier}需要整改{items}，其中{f}项目前不达标或未回答。',
            'Reaching {tier} means closing {items}; {f} of them is now at fail or unanswered.',
        ),
        "sum_blocks": (
            '达到{tier}需要整改{items}，其中{f}项目前不达标或未回答。',
            'Reaching {tier} means closing {items}; {f} of them are now at fail or unanswered.',
        ),
        "sum_days": (
            '按经验估算，工作量合计约{days}个工作日（各部门可并行推进）。',
            'That is about {days} working days of effort in all; departments can work in parallel.',
        ),
        "sum_top": (
            '已是最高等级，重点是持续符合标准并做好年度内审。',
            'This is the top tier: the task is to keep meeting the standard and run the yearly internal audit.',
        ),
        "sum_wait_1": (
            '其中{n}项为历史事项，回溯期届满后自然消除。',
            '{n} of them is a past event that clears when its look-back period ends.',
        ),
        "sum_waits": (
            '其中{n}项为历史事项，回溯期届满后自然消除。',
            '{n} of them are past events that clear when their look-back period ends.',
        ),
        "verdict_pass": ('通过', 'passes'),
        "verdict_fail": ('未通过', 'does not pass'),
        # the dated plan (roadmap chapter)
        "targets_title": ('目标与日期', 'Targets and dates'),
        "col_target": ('目标', 'Target'),
        "col_apply": ('目标申请日', 'Apply by'),
        "col_decision": ('预计决定', 'Decision expected'),
        "col_latest": ('最迟（延长后）', 'At the latest (extended)'),
        "col_set_by": ('日期取决于', 'Date set by'),
        "col_person_days": ('人日', 'Person-days'),
        "gantt_title": ('甘特图', 'Gantt chart'),
        "gantt_legend": (
            '深色实心条：整改工作；浅色条：制度运行留痕；紫色：核实；虚线框：等待期满（虚线延伸部分为可能的范围）；黄色：下一年度审计报告；红色虚线：信用修复；◆提交申请 ▲实地验证 ●认证决定；灰线延伸至延长后的最迟决定日。',
            'Dark solid bars: work; light bars: records of a new procedure; purple: checks; dashed outline: waiting for a window to pass (the open part is the possible range); yellow: the next audited statements; red dashed: credit repair; ◆ application ▲ on-site verification ● decision, with a grey line to the latest decision date if extended.',
        ),
        "gantt_customs": ('{tier}·海关', '{tier}: customs'),
        "gantt_apply_on": ('提交申请', 'Application'),
        "gantt_onsite_by": ('实地验证', 'On-site check'),
        "gantt_decision_by": ('认证决定', 'Decision'),
        "gantt_assessed": ('评估日', 'Assessed'),
        "tasks_title": ('任务清单', 'Task list'),
        "keep_title": ('保持等级的年度义务', 'Yearly obligations to keep the tier'),
        "col_due": ('截止日期', 'Due'),
        "repair_title": ('信用修复之路', 'The way back'),
        "statement_targets": ('财务指标目标（下一年度报表）', 'Financial targets for the next statements'),
        "col_indicator": ('指标', 'Indicator'),
        "col_now": ('目前', 'Now'),
        "col_required": ('要求', 'Required'),
        "col_change": ('需变动', 'Change needed'),
        "suggested": ('建议优先', 'Suggested'),
        "ev_held": ('已具备', 'Held'),
        "ev_missing": ('缺失', 'Missing'),
        "ev_to_check": ('待核实', 'To check'),
        "ev_na": ('不适用', 'Not applicable'),
        "ev_items": ('对应项目', 'Items'),
        # answers and facts as the report shows them (appendix, "what the answers say")
        "value_yes": ('是', 'Yes'),
        "value_no": ('否', 'No'),
        "band_never": ('从未发生', 'Never'),
        "band_over_24m": ('24个月以前', 'More than 24 months ago'),
        "band_m12_24": ('12至24个月前', '12 to 24 months ago'),
        "band_within_12m": ('最近12个月内', 'Within the last 12 months'),
        "money": ('{n} 元', '{n} CNY'),
        "fact_production": ('生产型企业', 'Production enterprise'),
        "fact_current_tier": ('当前信用等级', 'Current tier'),
        "n_cal_days": ('{n}天', '{n} calendar days'),
        "change_down": ('减少{amount}', 'down by {amount}'),
        "change_up": ('增加{amount}', 'up by {amount}'),
        # item numbers, costs and the classification on document control
        "itemno": ('第{n}项', 'item {n}'),
        "itemnos": ('第{ns}项', 'items {ns}'),
        "cost_cny": ('{n} 元', 'CNY {n}'),
        "class_public": ('公开', 'Public'),
        "class_internal": ('内部使用', 'Internal'),
        "class_confidential": ('保密', 'Confidential'),
    },
    "plan": {
        # columns of the task list (plan --format csv)
        "id": ('编号', 'ID'),
        "step": ('步骤', 'Step'),
        "kind": ('类型', 'Kind'),
        "owner": ('责任部门', 'Owner'),
        "start": ('开始', 'Start'),
        "end": ('结束', 'End'),
        "end_earliest": ('最早结束', 'Earliest end'),
        "days": ('人日', 'Person-days'),
        "items": ('项目（高级认证企业标准编号）', 'Items (Advanced standard numbers)'),
        "depends_on": ('前置步骤', 'Depends on'),
        "tiers": ('目标', 'For'),
        # steps the planner names itself (the others are named by the catalogue)
        "apply_certified": ('准备并提交认证企业申请', 'Prepare and submit the Certified Enterprise application'),
        "apply_advanced": ('准备并提交高级认证企业申请', 'Prepare and submit the Advanced Certified Enterprise application'),
        "pay": ('缴清欠款：{title}', 'Pay in full: {title}'),
        "wait_title": ('{title}（{standard}）', '{title} ({standard})'),
    },
    "progress": {
        "title": ('评估进展', 'Progress'),
        "from_to": ('{old} → {new}（相隔{days}天）', '{old} → {new} ({days} days apart)'),
        "tier": ('预计信用等级', 'Likely tier'),
        "up": ('上升', 'up'),
        "down": ('下降', 'down'),
        "same": ('不变', 'unchanged'),
        "score": ('得分', 'Score'),
        "threshold": ('通过线', 'Threshold'),
        "change": ('变化', 'Change'),
        "standard": ('标准', 'Standard'),
        "advanced": ('高级认证企业标准', 'Advanced standard'),
        "certified": ('认证企业标准', 'Certified standard'),
        "closed": ('已整改', 'Closed'),
        "opened": ('新出现', 'Opened'),
        "changed": ('结果变化', 'Rating changed'),
        "unchanged": ('仍未达标', 'Still open'),
        "gaps": ('差距项', 'Gaps'),
        "item": ('项目', 'Item'),
        "rating": ('结果', 'Rating'),
        "new_blockers": ('新增阻碍项', 'New blockers'),
        "cleared_blockers": ('已消除的阻碍项', 'Blockers cleared'),
        "new_triggers": ('新出现的失信情形', 'New discredit triggers'),
        "cleared_triggers": ('已消除的失信情形', 'Discredit triggers cleared'),
        "answers": ('答案变化', 'Answers that changed'),
        "question": ('问题', 'Question'),
        "before": ('之前', 'Before'),
        "now": ('现在', 'Now'),
        "none": ('无', 'none'),
        "dates": ('日期变化', 'Dates that moved'),
        "date": ('日期', 'Date'),
        "later": ('推迟{n}天', '{n} days later'),
        "earlier": ('提前{n}天', '{n} days earlier'),
        "may_apply_from": ('最早可申请日期', 'May apply from'),
        "apply_on": ('计划申请日', 'Planned application'),
        "decision_by": ('预计认证决定日', 'Expected certification decision'),
        "effort": ('晋级所需工作量', 'Work to the next tier'),
        "days": ('个工作日', 'working days'),
        "provisional": ('暂定', 'provisional'),
        "other_catalogue": (
            '两次评估使用了不同版本的标准目录（{old} / {new}），部分项目可能无法对应。',
            'The two assessments used different catalogue versions ({old} / {new}); some items may not match.',
        ),
        "other_enterprise": (
            '注意：两份结果的统一社会信用代码不同。',
            'Note: the two results have different unified social credit codes.',
        ),
        "dont_know": ('不清楚', "Don't know"),
        "no_change": ('两次评估之间没有变化。', 'Nothing changed between the two assessments.'),
        "intro": ('与{old}的评估相比：', 'Compared with the assessment of {old}:'),
    },
    "portfolio": {
        "file": ('文件', 'File'),
        "name": ('企业', 'Enterprise'),
        "current": ('当前等级', 'Current tier'),
        "likely": ('预计等级', 'Likely tier'),
        "advanced": ('高级认证得分', 'Advanced score'),
        "certified": ('认证企业得分', 'Certified score'),
        "blockers": ('阻碍项', 'Blockers'),
        "provisional": ('暂定', 'Provisional'),
        "next": ('下一等级', 'Next tier'),
        "target": ('目标申请日期', 'Target application date'),
        "assessed_on": ('评估日期', 'Assessed on'),
        "attention": ('关注', 'Attention'),
        "yes": ('是', 'yes'),
        "downgrade": ('有降级风险', 'downgrade risk'),
        "discredited": ('失信', 'discredited'),
        "n_blockers": ('{n}个阻碍项', '{n} blocker(s)'),
        "open": ('有未答问题', 'questions open'),
        "title": ('客户组合', 'Client portfolio'),
    },
    "workbook": {
        "enterprise_sheet": ('企业信息', 'Enterprise'),
        "title": ('AEO认证自评问卷', 'AEO certification self-assessment questionnaire'),
        "intro": (
            '请在黄色单元格中填写答案；有下拉箭头的单元格从列表中选择。暂时不清楚的请选“不清楚”，不适用或尚未填写的可留空（评分结果将标记为暂定）。灰色行表示根据前面的答案无需回答。',
            'Write each answer in its yellow cell; cells with a drop-down arrow take a value from the list. Choose "Don\'t know" when nobody knows yet; leave a cell empty when it does not apply or is not answered yet (the result is then provisional). Grey rows need no answer, given earlier answers.',
        ),
        "after": (
            '填好后交回顾问，或运行：aeo-check validate 文件名.xlsx',
            'When done, return the file to your consultant, or run: aeo-check validate FILE.xlsx',
        ),
        "field": ('项目', 'Field'),
        "value": ('填写', 'Value'),
        "help": ('说明', 'Notes'),
        "no": ('序号', 'No.'),
        "question": ('问题', 'Question'),
        "answer": ('答案', 'Answer'),
        "allowed": ('可填内容', 'Allowed'),
        "qhelp": ('说明与查找途径', 'Help and where to find out'),
        "note": ('备注（可选）', 'Note (optional)'),
        "yes": ('是', 'Yes'),
        "no_": ('否', 'No'),
        "dont_know": ('不清楚', "Don't know"),
        "format": ('文件格式', 'File format'),
        "standard": ('标准版本', 'Standard version'),
        "language": ('报告语言', 'Report language'),
        "name": ('企业名称', 'Enterprise name'),
        "uscc": ('统一社会信用代码', 'Unified social credit code'),
        "customs_code": ('海关编码', 'Customs code'),
        "type": ('企业类型', 'Enterprise type'),
        "specific": ('适用单项标准：{x}', 'Specific standard applies: {x}'),
        "production": ('是否为生产型企业', 'Production enterprise'),
        "current_tier": ('海关目前给予的信用等级', 'Tier customs gives today'),
        "assessed_on": ('评估日期', 'Assessment date'),
        "h_fixed": ('由工具填写，请勿修改', 'written by the tool; do not change'),
        "h_language": ('由本问卷生成的报告使用的语言', 'language of reports made from this file'),
        "h_uscc": ('18位，校验位会被检查', '18 characters; the check digit is verified'),
        "h_customs_code": ('10位数字或大写字母', '10 digits or capital letters'),
        "h_production": ('决定资产负债率的标准', 'decides the debt-ratio threshold'),
        "h_assessed_on": (
            '回溯期限从此日期向前计算（格式 2026-11-20）',
            'look-back windows count back from this date (written 2026-11-20)',
        ),
        "h_specific": (
            '本问卷已按所选单项标准生成；改动后请重新生成问卷',
            'the questionnaire was made for these specific standards; make a new one after a change',
        ),
        "h_type": (
            '本问卷已按此企业类型生成；改动后请重新生成问卷',
            'the questionnaire was made for this enterprise type; make a new one after a change',
        ),
        "unit": ('单位', 'unit'),
        "choose_below": ('在下方各行选“是”或“否”（全部不清楚时在此选“不清楚”）', "Choose Yes or No on each row below (or Don't know here)"),
        "only_if": ('仅当以下条件成立时回答：{x}', 'Answer only if: {x}'),
        "source": ('查找途径：{x}', 'Where to find out: {x}'),
        "percent_hint": ('填百分数的数值，85 表示 85%', 'a percentage as a number: 85 means 85 %'),
        "last_event_hint": (
            '填“从未发生”，或最近一次发生的年月（2025-03）或日期（2025-03-15）',
            'Never, or the month (2025-03) or day (2025-03-15) it last happened',
        ),
        "pick": ('请从下拉列表中选择', 'Choose a value from the list'),
        "bad_value": ('此处不能填写该内容', 'This value is not allowed here'),
        "never": ('从未发生', 'Never'),
        # what a number cell takes, and ask_if conditions in words
        "kind_integer": ('整数', 'a whole number'),
        "kind_percent": ('数值（百分数，85 表示 85%）', 'a number (percent, 85 means 85 %)'),
        "kind_number": ('数值', 'a number'),
        "quoted": ('“{text}”', '"{text}"'),
        "answered": ('{question}答“{answer}”', '{question} is {answer}'),
        "and": ('且', ' and '),
        "or": ('或', ' or '),
    },
}


#: the languages by their own names, the same in every interface language (the workbook's
#: language drop-down shows both)
LANGUAGE_NAMES: dict[str, str] = {"zh": "中文", "en": "English"}


#: --help texts under Chinese, keyed by the English text the commands are declared with (whitespace
#: collapsed); also the metavars. A help text missing here shows in English.
CLI_HELP: dict[str, str] = {
    "Self-assessment against China Customs (GACC) enterprise credit certification standards (AEO, Announcement 2026 No. 34).":
        "海关企业信用认证（AEO，2026年第34号公告）自评工具：预计信用等级、两项标准得分、阻碍项和整改计划。",
    "Print the version and exit.":
        "显示版本号并退出。",
    "Show the traceback of an internal error.":
        "内部错误时显示调用栈。",
    "Write a blank answer file (or Excel questionnaire) with every question asked of that enterprise.":
        "生成空白答卷（或 Excel 问卷），列出该企业需回答的全部问题。",
    "Enterprise type.":
        "企业类型。",
    "Specific standards that apply (repeatable).":
        "适用的单项标准（可重复）。",
    "Language of the questions and of reports made from it.":
        "问题的语言，也是据此生成报告的语言。",
    "Write to this file instead of stdout.":
        "写入此文件（默认输出到屏幕）。",
    "yaml (a commented answer file) or xlsx (an Excel questionnaire a client fills in; needs -o).":
        "yaml（带说明的答卷）或 xlsx（交给客户填写的 Excel 问卷，需要 -o）。",
    "Carry the enterprise, answers and notes of this answer file (YAML, JSON or xlsx).":
        "沿用此答卷（YAML、JSON 或 xlsx）中的企业信息、答案和备注。",
    "Replace an existing answer file.":
        "覆盖已有的答卷。",
    "Turn a filled Excel questionnaire into a commented YAML answer file (problems name sheet and cell), or read the answer file back out of a PDF/A-3 plan; either is checked like any answer file.":
        "把填好的 Excel 问卷转为带说明的 YAML 答卷（问题会指出工作表和单元格），或从 PDF/A-3 整改计划中取出答卷；两者都按答卷规则检查。",
    "A filled Excel questionnaire, a PDF/A-3 plan (--pdf-variant pdf/a-3b) or any answer file.":
        "填好的 Excel 问卷、PDF/A-3 整改计划（--pdf-variant pdf/a-3b）或任一答卷。",
    "The YAML answer file to write (default: stdout).":
        "要写入的 YAML 答卷（默认输出到屏幕）。",
    "Print the JSON Schema of answer files or of the result JSON (generated from the catalogue).":
        "输出答卷或结果 JSON 的 JSON Schema（由标准目录生成）。",
    "answers (answer files) or result (score --format json).":
        "answers（答卷）或 result（score --format json 的结果）。",
    "Check answer files; print every problem with file, line (or sheet!cell) and field. Exit 0 valid, 2 not, 3 on an I/O or internal error.":
        "检查答卷，逐条列出问题（文件、行号或工作表!单元格、字段）。有效退出码0，无效2，读写或内部错误3。",
    "Answer files (YAML, JSON or xlsx).":
        "答卷文件（YAML、JSON 或 xlsx）。",
    "text, or github (annotations on stdout for GitHub Actions).":
        "text（文字），或 github（输出 GitHub Actions 注释）。",
    "Score answer files: likely tier, both standards' scores, blockers, the path up. Each file is written as soon as it is scored. Exit 0; 1 when a file falls below --fail-below or gains a blocker (--fail-on-new-blockers); 2 on invalid input (every file is still scored).":
        "为答卷评分：预计信用等级、两项标准得分、阻碍项和晋级路径，每个文件评完即输出。退出码：0；低于 --fail-below 或出现新阻碍项（--fail-on-new-blockers）时为1；输入无效为2（其余文件照常评分）。",
    "table (one file: the full panel; more: one line each), json (an array, one result per line), jsonl (one JSON document per line) or junit (one test case per file, blockers as failures).":
        "table（一个文件显示完整面板，多个文件每个一行）、json（数组，每行一个结果）、jsonl（每行一个 JSON 文档）或 junit（每个文件一个测试用例，阻碍项记为失败）。",
    "Exit 1 when any file's likely tier is below this tier.":
        "任一文件的预计信用等级低于此等级时退出码为1。",
    "Exit 1 when a blocker appears that the old results (score --format json, or an answer file) did not have; matched by USCC.":
        "出现旧结果（score --format json 的输出或答卷）中没有的阻碍项时退出码为1；按统一社会信用代码对应。",
    "zh or en (default: each file's language).":
        "zh 或 en（默认按各答卷的语言）。",
    "The full panel for every file, not one line each.":
        "每个文件都显示完整面板，而不是一行。",
    "Score in this many processes (default: one per core from 9 files on, else 1). Output order and bytes do not change.":
        "用多少个进程评分（默认：9个文件以上时每个处理器核心一个，否则1个）。输出的顺序和内容不变。",
    "The dated plan as a task list: step, kind, owner, start, end, items, depends on.":
        "带日期的整改计划任务清单：步骤、类型、责任部门、开始、结束、项目、前置步骤。",
    "An answer file (YAML or JSON).":
        "答卷文件（YAML 或 JSON）。",
    "table, json or csv (opens in Excel or a project tool).":
        "table、json 或 csv（可用 Excel 或项目管理工具打开）。",
    "zh or en (default: the answer file's language).":
        "zh 或 en（默认按答卷的语言）。",
    "Render the improvement plan as a bilingual PDF (or HTML); several files render in parallel. \"-o -\" writes one file's plan to stdout.":
        "生成双语整改计划 PDF（或 HTML）；多个文件并行生成。\"-o -\" 把一个文件的计划输出到屏幕。",
    "Answer files or result JSONs from score --format json.":
        "答卷，或 score --format json 输出的结果文件。",
    "The PDF (or HTML with --html) to write; a folder ending in / (one plan per file) for several files.":
        "要写入的 PDF（使用 --html 时为 HTML）；多个文件时为以 / 结尾的文件夹（每个文件一份计划）。",
    "Write one self-contained HTML file instead of a PDF.":
        "改为生成一个自包含的 HTML 文件。",
    "YAML with the consultant's name, logo, colours, sign-off names and day rates.":
        "咨询机构名称、标志、配色、签字人和日费率的 YAML 文件。",
    "pdf/ua-1: tagged, accessible PDF; pdf/a-3b: archival PDF that carries the answer file inside (read it back with `aeo-check import`).":
        "pdf/ua-1：带标签的无障碍 PDF；pdf/a-3b：内嵌答卷的归档 PDF（可用 `aeo-check import` 取回）。",
    "Report number for document control (default AEO-<customs code>-<assessment date>).":
        "文件控制用的报告编号（默认 AEO-<海关编码>-<评估日期>）。",
    "Version of this report.":
        "本报告的版本。",
    "An earlier assessment (answer file or result JSON): adds a progress page.":
        "以前的一次评估（答卷或结果 JSON）：增加进展页。",
    "Worker processes for several files (default: one per core).":
        "多个文件时使用的进程数（默认每个处理器核心一个）。",
    "Replace an existing answer file with the report.":
        "用报告覆盖已有的答卷。",
    "One row per client: tiers, scores, blockers, next tier and its date; who needs attention first. Every file is read; invalid ones are named on stderr and the exit code is then 2.":
        "每个客户一行：信用等级、得分、阻碍项、下一等级及其日期，以及最需要关注的客户。读取全部文件；无效文件在错误输出中列出，此时退出码为2。",
    "Answer files, or folders of them.":
        "答卷文件，或存放答卷的文件夹。",
    "table, csv, xlsx (needs -o) or json.":
        "table、csv、xlsx（需要 -o）或 json。",
    "zh or en (default: from the locale).":
        "界面语言：zh 或 en（默认按系统语言环境）。",
    "Progress between two assessments: tier and scores, gaps closed and opened, answers and dates that changed.":
        "两次评估之间的进展：信用等级和得分、已关闭和新出现的差距项、变化的答案和日期。",
    "The earlier assessment: answer file or result JSON.":
        "较早的评估：答卷或结果 JSON。",
    "The later assessment: answer file or result JSON.":
        "较新的评估：答卷或结果 JSON。",
    "table or json.":
        "输出格式：table（表格）或 json。",
    "zh or en (default: the new file's language).":
        "zh 或 en（默认按较新答卷的语言）。",
    "Interactive assessment: walk through the questionnaire, get the likely tier and a plan. Every answer is saved the moment it is given; Ctrl-C loses nothing.":
        "交互式自评：逐题作答，得出预计信用等级和整改计划。每个答案都会立即保存，按 Ctrl-C 不会丢失任何答案。",
    "Answer file to save to (default ./aeo-answers-<date>.yaml).":
        "保存答案的文件（默认 ./aeo-answers-<日期>.yaml）。",
    "Continue the assessment saved in this file.":
        "继续此文件中保存的评估。",
    "Re-ask one section (with --resume): internal_control, financial, compliance, trade_security, specific, bonus, profile.":
        "重新回答某一部分（与 --resume 一起使用）：internal_control、financial、compliance、trade_security、specific、bonus、profile。",
    "Check that PDF rendering will work: libraries, a Chinese font, the catalogue.":
        "检查 PDF 生成所需的条件：程序库、中文字体、标准目录。",
    "Browse the standards' items.":
        "浏览认证标准条目。",
    "List the items of a standard with their official numbers.":
        "列出某一标准的全部条目及其官方序号。",
    "Which standard: advanced or certified.":
        "哪一项标准：advanced（高级认证）或 certified（认证企业）。",
    "List a specific standard's items instead.":
        "改为列出某一单项标准的条目。",
    "Show one item whole: texts, thresholds per standard, rule, questions, evidence, remediation.":
        "完整显示一个条目：内容、各标准的门槛、判定规则、问题、证据和整改建议。",
    "Item id (e.g. cmp-single-fine), or a standard and official number (e.g. \"advanced 48\", \"(48)\").":
        "条目编号（如 cmp-single-fine），或标准加官方序号（如 \"advanced 48\"、\"(48)\"）。",
    "zh or en.":
        "zh 或 en。",
    "FILE":
        "文件",
    "FILE...":
        "文件...",
    "OLD":
        "旧文件",
    "NEW":
        "新文件",
    "FILE|DIR...":
        "文件|文件夹...",
    "ID":
        "条目",
}
