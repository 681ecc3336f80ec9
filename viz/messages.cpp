// SPDX-License-Identifier: MIT
#include "viz/messages.hpp"

#include <string_view>
#include <unordered_map>

#include <fmt/args.h>
#include <fmt/format.h>

namespace icn {
namespace {

// English template -> Chinese, with positional fields ({0} is the template's first field).
const std::unordered_map<std::string_view, std::string_view>& catalog() {
    static const std::unordered_map<std::string_view, std::string_view> zh = {
        // Files and encodings.
        // Diagnostics against a programme's criteria: values, reasons, evidence.
        {"the value cannot be computed (out of range)", "数值无法计算（超出范围）"},
        {"needs a planner's judgement", "需规划人员判断"},
        {"local sourcing {}, leader reach {}, largest component {}, {} local links",
         "本地配套率{0}，链主辐射度{1}，最大连通块占比{2}，本地供货关系{3}条"},
        {"R&D intensity of local firms {}", "本地企业研发投入强度（研发费用/产值）{0}"},
        {"no R&D expense in the dataset", "数据集中没有研发费用"},
        {"bought outside {}, sold outside {}", "区外采购占比{0}，区外销售占比{1}"},
        {"the network data says nothing of this", "网络数据不能说明此项"},
        {"cluster.json gives no area_km2", "cluster.json 没有 area_km2（集群面积）"},
        {"needs yearly output for three years (firm_years.csv or cluster.json total_output); {} "
         "given",
         "需要近三年分年度产值（firm_years.csv 或 cluster.json 的 total_output），现有{0}年"},
        {"{} (万元, from {})", "{0}（万元，来自{1}）"},
        {"needs output for at least two years", "需要至少两年的产值"},
        {"first year's output is 0", "首年产值为0，无法计算增速"},
        {"{} (geometric mean {}-{})", "{0}（{1}—{2}年几何平均）"},
        {"no output for local firms (firms.csv output or firm_years.csv)",
         "本地企业没有产值数据（firms.csv 的 output 或 firm_years.csv）"},
        {"{} of output comes from firms without a size", "{0}的产值来自未标明规模（size）的企业"},
        {"the dataset has no firm tags (champion, little_giant, srdi, innovative, hnte)",
         "数据集没有企业标签（tags：champion、little_giant、srdi、innovative、hnte）"},
        {"{} champions / little giants; {} specialised SMEs",
         "单项冠军/小巨人{0}家；专精特新/创新型/高企中小企业{1}家"},
        {"missing file", "文件不存在"},
        {"is a folder, expected a CSV file", "这是一个文件夹，应为 CSV 文件"},
        {"is not a regular file (a pipe or a device?); save the table as a file",
         "不是普通文件（管道或设备？）；请把表格存为文件"},
        {"cannot be opened for reading (permission?)", "无法打开读取（权限不足？）"},
        {"cannot be read", "无法读取"},
        {"cannot be read to its end", "无法读完"},
        {"file is {} bytes; the limit is {} bytes", "文件有 {0} 字节，上限为 {1} 字节"},
        {"NUL byte: this is not a text CSV file (an .xlsx? export it as CSV UTF-8)",
         "含 NUL 字节：这不是文本 CSV 文件（是 .xlsx 吗？请另存为“CSV UTF-8”）"},
        {"read as GB18030 (GBK), as Excel on Chinese Windows writes it; converted to UTF-8",
         "按 GB18030（GBK）读取（中文 Windows 版 Excel 的默认编码），已转换为 UTF-8"},
        {"encoding unknown: {} of {} non-ASCII bytes are not UTF-8, and the file is not GB18030 "
         "either; save it as CSV UTF-8",
         "编码无法识别：{1} 个非 ASCII 字节中有 {0} 个不是 UTF-8，也不是 GB18030；请另存为“CSV "
         "UTF-8”"},
        {"invalid UTF-8 byte 0x{:02X}", "无效的 UTF-8 字节 0x{0}"},
        {"starts with a {} byte order mark but is not valid {}",
         "以 {0} 字节顺序标记开头，但内容不是有效的 {1}"},
        {"read as {} (converted to UTF-8)", "按 {0} 读取（已转换为 UTF-8）"},
        // CSV structure and headers.
        {"unterminated quote: the quoted field opened here never closes",
         "引号未闭合：此处开始的带引号字段没有结束"},
        {"field {} is {} bytes long; the limit is {} bytes",
         "第 {0} 个字段长 {1} 字节，上限为 {2} 字节"},
        {"more than {} columns; the limit is {}", "超过 {0} 列；上限为 {1} 列"},
        {"ragged row: {} fields, but the header has {}", "列数不齐：本行 {0} 列，表头 {1} 列"},
        {"empty file: expected a header row ({},...)", "空文件：应有表头行（{0},...）"},
        {"missing required column '{}' (also accepted: {})", "缺少必需的列“{0}”（也可写作：{1}）"},
        {"column '{}' is not recognised and is kept as an attribute; did you mean '{}' ({})? "
         "Rename the header to use it",
         "列“{0}”未被识别，作为附加属性保留；是否指“{1}”（{2}）？如是，请修改表头"},
        {"columns '{}' and '{}' both mean '{}'; using '{}', keeping '{}' as an attribute",
         "列“{0}”和“{1}”都表示“{2}”；采用“{3}”，“{4}”作为附加属性保留"},
        {"column '{}': unit '{}' is not one of 元, 千元, 万元, 百万元, 亿元",
         "列“{0}”：单位“{1}”不是 元、千元、万元、百万元、亿元 之一"},
        {"column '{}' read as '{}', in {} as the dataset",
         "列“{0}”按“{1}”读取，单位{2}，与数据集一致"},
        {"column '{}' read as '{}': values in {} converted to {} ({} {:g})",
         "列“{0}”按“{1}”读取：数值由{2}换算为{3}（{4} {5}）"},
        // Firms.
        {"empty id: every firm needs an id", "编号为空：每家企业都需要编号"},
        {"firm {}: empty name", "企业 {0}：名称为空"},
        {"firm {}: empty region", "企业 {0}：所在地区为空"},
        {"duplicate firm id {} (first at line {})", "企业编号 {0} 重复（首次出现在第 {1} 行）"},
        {"size {} is not one of large, medium, small, micro (大型, 中型, 小型, 微型)",
         "企业规模 {0} 不是 大型、中型、小型、微型（large、medium、small、micro）之一"},
        {"leader {} is not a yes/no value (1/0, true/false, yes/no, y/n, 是/否)",
         "链主 {0} 不是是/否值（是/否、1/0、true/false、yes/no、y/n）"},
        {"lat {} is outside [-90, 90]", "纬度 {0} 超出 [-90, 90]"},
        {"lon {} is outside [-180, 180]", "经度 {0} 超出 [-180, 180]"},
        {"unknown tag {} ({} firm{}), kept as written but not counted by the criteria; accepted: "
         "{}",
         "未知标签 {0}（{1}家企业），按原文保留，但认定条件不计入；可用标签：{3}"},
        {"firm {} repeats line {} exactly; merged", "企业 {0} 与第 {1} 行完全相同，已合并"},
        {"row repeats line {} exactly; merged", "本行与第 {0} 行完全相同，已合并"},
        {"no firms: the file has a header but no rows", "没有企业：文件只有表头，没有数据行"},
        // Links.
        {"empty {}", "{0}为空"},
        {"unknown {} {}: not in firms.csv", "未知的{0} {1}：firms.csv 中没有这家企业"},
        {"self-loop: {} supplies itself", "自环：{0} 向自己供货"},
        {"empty value: with a value column, every link needs a value > 0",
         "金额为空：有金额列时，每条供货关系都需要大于 0 的金额"},
        {"year {} is not a whole number", "年份 {0} 不是整数"},
        // Numbers.
        {"{} {} is not a finite number", "{0} {1} 不是有效数字"},
        {"{} {} must be a positive number", "{0} {1} 必须为正数"},
        {"{} {} must not be negative", "{0} {1} 不能为负数"},
        {"{} {} is beyond the largest value ICN accepts (1e15): check the unit or the cell",
         "{0} {1} 超过 ICN 接受的最大值（1e15）：请检查单位或单元格"},
        {"{} {} is below the smallest positive value ICN accepts (1e-9): check the unit or the "
         "cell",
         "{0} {1} 小于 ICN 接受的最小正数（1e-9）：请检查单位或单元格"},
        // firm_years.csv.
        {"empty firm", "企业为空"},
        {"unknown firm {}: not in firms.csv", "未知企业 {0}：firms.csv 中没有这家企业"},
        {"year {} is not a year (1900-2200)", "年份 {0} 不是有效年份（1900—2200）"},
        {"duplicate row for firm {} in {} (first at line {})",
         "企业 {0} 的 {1} 年数据重复（首次出现在第 {2} 行）"},
        // Templates, the cluster and the dataset as a whole.
        {"empty segment id", "环节编号为空"},
        {"segment {}: empty name", "环节 {0}：名称为空"},
        {"duplicate segment id {} (first at line {})", "环节编号 {0} 重复（首次出现在第 {1} 行）"},
        {"tier {} is not upstream, midstream, downstream (上游, 中游, 下游) or a stage number",
         "层级 {0} 不是 上游、中游、下游（upstream、midstream、downstream）或阶段序号"},
        {"flow {} {} is not a segment of segments.csv", "流向的{0}环节 {1} 不在 segments.csv 中"},
        {"flow {} -> {} given again (first at line {}); ignored",
         "流向 {0} -> {1} 重复（首次出现在第 {2} 行），已忽略"},
        {"the chain template has no segments", "产业链模板没有任何环节"},
        {"no such chain template: not a folder, nor the id of a shipped template{}; shipped: {}",
         "没有这个产业链模板：既不是文件夹，也不是内置模板的编号{0}；内置模板：{1}"},
        {"empty cluster: no firm's region matches --region {}; the regions present, with their "
         "firms: {}",
         "集群为空：没有企业的所在地区与 --region {0} 匹配；数据中的地区及企业数：{1}"},
        {"segment '{}' read as '{}' of chain template '{}' ({} firm{})",
         "环节“{0}”按产业链模板“{2}”的“{1}”读取（{3}家企业）"},
        {"segment '{}' is not in chain template '{}' ({} firm{}); those firms count as outside the "
         "chain",
         "环节“{0}”不在产业链模板“{1}”中（{2}家企业）；这些企业按链外企业计"},
        {"wrong template: no firm lists any segment of chain template '{}' (its segments: {}{}); "
         "check --chain",
         "模板不符：没有企业属于产业链模板“{0}”的任何环节（其环节：{1}{2}）；请检查 --chain"},
        {"main_industry '{}' is not a segment of chain template '{}'",
         "main_industry“{0}”不是产业链模板“{1}”的环节"},
        {"region '{}' names several divisions: {}; write the code or the full name",
         "地区“{0}”有多个同名行政区划：{1}；请写代码或全称"},
        {"region code '{}' ({} firms) is not in the 2023 division table (a retired code?); it is "
         "matched by its digits",
         "地区代码“{0}”（{1}家企业）不在 2023 年区划表中（已撤销的代码？）；按代码数字匹配"},
        {"region '{}' ({} firms) is neither a division code nor a division name; it matches only "
         "a --region written the same way",
         "地区“{0}”（{1}家企业）既不是区划代码也不是区划名称；只与写法完全相同的 --region 匹配"},
        {"not a folder: a dataset is a folder holding firms.csv and links.csv",
         "不是文件夹：数据集应是包含 firms.csv 和 links.csv 的文件夹"},
        {"no such dataset folder", "数据集文件夹不存在"},
        {"missing file (also looked for {}.xlsx and for a workbook with a sheet named {})",
         "文件不存在（也没有找到 {0}.xlsx 或含“{1}”工作表的工作簿）"},
        {"not a readable worksheet: {}", "工作表无法读取：{0}"},
        {"a number of 16 or more digits ({}): Excel keeps only 15, so an id stored as a number has "
         "been rounded; format the column as text and enter the values again",
         "数字超过 15 位（{0}）：Excel 只保留 15 位有效数字，以数字格式存放的编号已被截断；请把该列"
         "设置为“文本”格式后重新录入"},
        {"not a readable workbook: {}", "工作簿无法读取：{0}"},
        {"{} expands beyond {} bytes: refused (a zip bomb?)",
         "{0} 解压后超过 {1} 字节，拒绝读取（压缩炸弹？）"},
        {"an old Excel .xls file (BIFF): open it in Excel or WPS and save it as \"Excel Workbook "
         "(*.xlsx)\", or as \"CSV UTF-8\"",
         "这是旧版 Excel .xls 文件：请用 Excel 或 WPS 打开，另存为“Excel 工作簿 (*.xlsx)”或“CSV "
         "UTF-8”"},
        {"not an Excel workbook (.xlsx is a zip package; this file is not one)",
         "不是 Excel 工作簿（.xlsx 是 zip 包，此文件不是）"},
        {"unknown key \"{}\" ignored (known: name, county, area_km2, main_industry, output_unit, "
         "total_output)",
         "未知的键“{0}”，已忽略（可用：name、county、area_km2、main_industry、output_unit、"
         "total_output）"},
    };
    return zh;
}

// Words the engine passes as arguments (column and role names), in Chinese.
std::string_view word(std::string_view english) {
    static const std::unordered_map<std::string_view, std::string_view> words = {
        {"supplier", "供应商"},
        {"customer", "客户"},
        {"value", "金额"},
        {"output", "产值"},
        {"employees", "从业人员"},
        {"rd_expense", "研发费用"},
        {"lat", "纬度"},
        {"lon", "经度"},
        {"weight", "权重"},
        {"from", "上游"},
        {"to", "下游"},
    };
    const auto it = words.find(english);
    return it == words.end() ? english : it->second;
}

}  // namespace

std::string message_text(const Message& message, std::string_view lang) {
    if (lang != "zh") return message.text;
    const auto it = catalog().find(message.key);
    if (it == catalog().end()) return message.text;
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const std::string& arg : message.args) args.push_back(std::string(word(arg)));
    try {
        return fmt::vformat(it->second, args);
    } catch (const fmt::format_error&) {
        return message.text;  // a catalog entry out of step with its template: say it in English
    }
}

std::string issue_message(const Issue& issue, std::string_view lang) {
    return message_text({issue.key, issue.args, issue.message}, lang);
}

std::string format_issue(const Issue& issue, std::string_view lang) {
    const bool zh = lang == "zh";
    std::string out = issue.file;
    if (issue.line > 0) out += fmt::format(":{}", issue.line);
    out += zh ? "：" : ": ";
    if (issue.severity == Severity::warning) out += zh ? "警告：" : "warning: ";
    if (issue.severity == Severity::note) out += zh ? "提示：" : "note: ";
    out += issue_message(issue, lang);
    if (issue.row_skipped) out += zh ? "（已跳过此行）" : " (row skipped)";
    return out;
}

}  // namespace icn
