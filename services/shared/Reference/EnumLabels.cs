using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using Industry.ServiceDefaults.Resources;

namespace Industry.ServiceDefaults.Reference;

/// <summary>显示名称: the Chinese and English display label of one enum value of the contracts.</summary>
public sealed record EnumValueLabel(string EnumType, string Value, int Number, string Chinese, string English);

/// <summary>
/// The display labels of every value of every enum of the suite's contracts, kept once in <c>enum-labels.csv</c>
/// (enum full name, value name, English, Chinese; ADR 0034) and joined here with the descriptors, which give the order
/// and the numbers. A value without a row is listed with empty labels rather than hidden; the unit test generated from
/// the descriptors fails on it, so a new value cannot ship without its labels.
/// </summary>
public static class EnumLabels
{
    private static readonly FrozenDictionary<(string Enum, string Value), (string English, string Chinese)> Rows =
        CsvResource.Read("enum-labels.csv")
            .ToFrozenDictionary(r => (r["enum"], r["value"]), r => (r["en"], r["zh"]));

    /// <summary>Every value of every contract enum, by enum full name, then number.</summary>
    public static IReadOnlyList<EnumValueLabel> All { get; } =
        [.. SuiteContracts.Enums.SelectMany(e => e.Values.OrderBy(v => v.Number).Select(Label))];

    private static readonly FrozenDictionary<(string Enum, int Number), EnumValueLabel> ByNumber =
        All.ToFrozenDictionary(l => (l.EnumType, l.Number));

    /// <summary>The label of one value by its enum's full name and its number (per cell of an export: no scan).</summary>
    public static EnumValueLabel? Find(string enumType, int number) => ByNumber.GetValueOrDefault((enumType, number));

    /// <summary>The rows of the labels file, for the test that finds labels of values the contracts no longer have.</summary>
    public static IEnumerable<(string Enum, string Value)> Keys => Rows.Keys;

    private static EnumValueLabel Label(EnumValueDescriptor value)
    {
        var (english, chinese) = Rows.TryGetValue((value.EnumDescriptor.FullName, value.Name), out var row) ? row : (string.Empty, string.Empty);
        return new EnumValueLabel(value.EnumDescriptor.FullName, value.Name, value.Number, chinese, english);
    }
}
