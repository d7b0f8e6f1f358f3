using Industry.ServiceDefaults.Reference;

namespace Industry.Demo.Plan;

/// <summary>
/// What the demo needs to know of each 4+10 industry to make plausible records: a few real GB/T 4754-2017 classes of
/// it, the words of its enterprises' names and of its projects, and how common its enterprises are.
/// </summary>
internal sealed record IndustryWords(string Code, double Weight, string[] Classes, string[] Trades, string[] Products, string[] Clusters)
{
    public static IReadOnlyList<IndustryWords> All { get; } =
    [
        new("IT", 0.08, ["C3911", "C3914", "C3971", "C3972", "C3974", "C3981", "C3982", "C3984"],
            ["电子科技", "微电子", "光电科技", "半导体", "显示科技", "智能科技"], ["新型显示面板", "集成电路封装测试", "智能语音终端", "电子元器件"], ["新型显示", "集成电路", "智能语音", "电子信息"]),
        new("AUTO", 0.09, ["C3611", "C3612", "C3630", "C3660", "C3670"],
            ["汽车零部件", "新能源汽车", "汽车电子", "车身系统", "动力科技"], ["新能源汽车整车", "汽车零部件", "电驱动系统", "汽车内外饰"], ["新能源汽车", "汽车零部件", "智能网联汽车"]),
        new("EQUIP", 0.18, ["C3411", "C3441", "C3511", "C3562", "C3751", "C3811", "C3821", "C3841", "C4011"],
            ["智能装备", "机械制造", "精密机械", "电气设备", "机器人", "动力电池"], ["智能装备", "工业机器人", "锂离子电池", "数控机床", "输变电设备"], ["高端装备", "工业机器人", "新能源电池", "智能装备"]),
        new("NEWMAT", 0.07, ["C2653", "C2659", "C3091", "C3099", "C3240", "C3340"],
            ["新材料", "复合材料", "高分子材料", "功能材料"], ["高性能复合材料", "电子级化学材料", "硅基新材料"], ["硅基新材料", "先进高分子材料", "新材料"]),
        new("CHEM", 0.07, ["C2614", "C2631", "C2651", "C2669", "C2821", "C2929"],
            ["化工", "精细化工", "化学", "新材料科技"], ["精细化学品", "合成材料", "化工新材料"], ["精细化工", "化工新材料", "现代煤化工"]),
        new("HOMEAPP", 0.04, ["C3851", "C3852", "C3854", "C3856", "C3857"],
            ["电器", "智能家电", "家电配件", "厨电"], ["智能家电", "冰箱压缩机", "厨房电器"], ["智能家电", "家电配套"]),
        new("FOOD", 0.10, ["C1351", "C1361", "C1431", "C1512", "C1521", "C1530"],
            ["食品", "粮油", "茶业", "农产品加工", "酒业"], ["绿色食品加工", "粮油精深加工", "白酒酿造", "茶叶精制"], ["绿色食品", "粮油加工", "白酒", "茶产业"]),
        new("METAL", 0.05, ["C3110", "C3120", "C3130", "C3211", "C3216", "C3251"],
            ["铜业", "特钢", "铝业", "金属材料"], ["铜基新材料", "特种钢材", "铝合金型材"], ["铜基新材料", "特种钢材", "铝基新材料"]),
        new("PV", 0.02, ["C3825"],
            ["光伏科技", "新能源科技", "光能"], ["高效光伏组件", "光伏电池片"], ["光伏", "光伏制造"]),
        new("GREEN", 0.04, ["C3591", "C3597", "C4210", "C4220"],
            ["环保科技", "节能科技", "环境工程", "资源再生"], ["节能环保装备", "再生资源利用", "环保设备"], ["节能环保", "资源循环利用"]),
        new("TEXTILE", 0.08, ["C1713", "C1752", "C1810", "C1951"],
            ["纺织", "服饰", "制衣", "家纺"], ["高档面料", "品牌服装", "产业用纺织品"], ["纺织服装", "羽绒制品", "家纺"]),
        new("LIGHT", 0.09, ["C2021", "C2110", "C2231", "C2319", "C2411", "C4119"],
            ["家居", "包装", "木业", "文化用品", "工艺品"], ["定制家居", "绿色包装", "文体用品"], ["家居制造", "文房四宝", "包装印刷"]),
        new("BIO", 0.04, ["C2710", "C2720", "C2740", "C3581", "C3584"],
            ["生物科技", "药业", "医疗器械", "生物制药"], ["生物药", "中药饮片", "医疗器械"], ["生物医药", "现代中药", "医疗器械"]),
        new("BUILDMAT", 0.05, ["C3011", "C3021", "C3042", "C3062"],
            ["建材", "新型建材", "玻璃", "水泥制品"], ["新型墙体材料", "节能玻璃", "装配式建筑构件"], ["新型建材", "玻璃新材料"]),
    ];
}

/// <summary>Syllables of the made-up firm names (字号): common, auspicious and meaningless together, so no name claims a real firm.</summary>
internal static class FirmNames
{
    private const string Syllables = "恒瑞华泰鑫宏远达盛丰源安康新锦创联信德力航凯睿博卓越嘉和宇星辰晟峰川科晶润欣腾智汇通禾舜弘昊铭";

    /// <summary>Two syllables, e.g. 瑞峰.</summary>
    public static string Brand(Random random) =>
        string.Concat(Syllables[random.Next(Syllables.Length)], Syllables[random.Next(Syllables.Length)]);

    /// <summary>A city's short name, 合肥 for 合肥市.</summary>
    public static string Short(string divisionName) =>
        divisionName.Length > 2 && (divisionName.EndsWith('市') || divisionName.EndsWith('县') || divisionName.EndsWith('区'))
            ? divisionName[..^1]
            : divisionName;

    /// <summary>
    /// How a place names itself in a zone or cluster name: a county or county-level city by its short name (宁国), a
    /// district with its city's (铜陵郊区), since district names repeat across cities.
    /// </summary>
    public static string Place(Division county)
    {
        var name = Short(county.Name);
        return county.Name.EndsWith('区') ? Short(Divisions.CityOf(county.Code)!.Name) + name : name;
    }

    public static string Suffix(Random random) => random.NextDouble() switch
    {
        < 0.80 => "有限公司",
        < 0.95 => "股份有限公司",
        _ => "集团有限公司",
    };
}
