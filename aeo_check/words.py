"""The words of aeo-check's own interface, in Simplified Chinese and English: one home for them.

Catalogue texts (items, questions, help, sources, remediation) live in questionnaires/; the
PDF/HTML report's fixed wording lives in report_templates/words.yaml. Every entry here has
both languages; {name} marks a value filled in at run time. Groups:
  general   headings and phrases of the result views (terminal, report)
  cli       messages of the command line
  help      --help texts of commands and options
  typer     the command-line library's own words (usage, errors), used under Chinese
  session   the interactive assessment
  asker     prompts, keys and answer checks of one question
  check     answer-file and answer validation messages
  template  comments of the blank answer file

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
        "effort_pd": ('工作量（人日）', 'Person-days'),
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
}


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
