using System.Globalization;
using System.Text;
using Google.Protobuf.Reflection;

namespace Industry.EndToEndTests.Fuzz;

/// <summary>Hostile values of each protobuf type. None contains a word the leak check looks for, so an echo of one is no leak.</summary>
internal static class FuzzValues
{
    private static readonly string[] Strings =
    [
        string.Empty, " ", "\0", "a\0b", "\t\r\n", "\u0001\u0007\u001b[31m", "' OR 1=1 --", "'; DROP TABLE projects; --",
        "\" OR \"\"=\"", "%", "%_%", "_", "\\", "\\0", "'", "\"", "\u202e\u202d", "\ufeff", "\uffff", "\ud800", "\udfff",
        "😀👨‍👩‍👧", "表𠀀ü", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}", "NaN", "-1", "1e309",
        "99999999999999999999999", "null", "true", "projects/", "clusters/../x", "parks/%2e%2e", "plans/-2147483648",
        "industries/*", "a/b/c/d/e/f", "2024-02-30", "2024-13", "9999-99", "\u3000", "  padded  ",
    ];

    private static readonly long[] Int64s = [0, -1, 1, long.MaxValue, long.MinValue, int.MaxValue + 1L, int.MinValue - 1L, 9_007_199_254_740_993, -9_007_199_254_740_993];

    private static readonly long[] Int32s = [0, -1, 1, int.MaxValue, int.MinValue, 65_536, -65_536, 1_000_000_000];

    private static readonly ulong[] UInt64s = [0, 1, ulong.MaxValue, uint.MaxValue, (ulong)long.MaxValue + 1];

    private static readonly double[] Doubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, -0.0, double.Epsilon, 1e300, -1];

    /// <summary>JSON values of every type, including ones System.Text.Json and the proto3 mapping refuse.</summary>
    private static readonly string[] JsonValues =
    [
        "0", "-1", "1.5", "1e400", "-1e400", "123456789012345678901234567890", "-9223372036854775809", "18446744073709551616",
        "\"\"", "\"x\"", "\"NaN\"", "\"1e400\"", "true", "false", "null", "{}", "[]", "[1,2,3]", "{\"a\":1}", "[null]",
        "\"\\u0000\"", "\"\\ud800\"", "0.0000000000000000000000000000001", "-0",
    ];

    public static string Text(Random random) => random.Next(10) switch
    {
        0 => new string('x', random.Next(256, 20_000)),
        1 => new string('长', random.Next(100, 5_000)),
        2 => RandomUnicode(random, random.Next(1, 200)),
        _ => Strings[random.Next(Strings.Length)],
    };

    public static string RandomUnicode(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(6) switch
            {
                0 => (char)random.Next(0, 0x20),
                1 => (char)random.Next(0x20, 0x7f),
                2 => (char)random.Next(0x4e00, 0x9fff),
                3 => (char)random.Next(0xd800, 0xe000), // surrogates, often unpaired
                4 => (char)random.Next(0x80, 0x800),
                _ => (char)random.Next(0xe000, 0x10000),
            });
        }

        return builder.ToString();
    }

    public static byte[] Bytes(Random random, int maxLength)
    {
        var bytes = new byte[random.Next(0, maxLength + 1)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A hostile value for <paramref name="field"/> (scalar fields; a message field gets a random message from the caller).</summary>
    public static object Scalar(Random random, FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => random.Next(12) == 0 ? InvalidUtf8(random) : Text(random),
        FieldType.Bytes => Bytes(random, 64),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => random.Next(4) == 0 ? random.NextInt64(long.MinValue, long.MaxValue) : Int64s[random.Next(Int64s.Length)],
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => random.Next(4) == 0 ? random.Next(int.MinValue, int.MaxValue) : Int32s[random.Next(Int32s.Length)],
        FieldType.UInt32 or FieldType.UInt64 or FieldType.Fixed32 or FieldType.Fixed64 => UInt64s[random.Next(UInt64s.Length)],
        FieldType.Enum => (long)(random.Next(5) switch { 0 => -1, 1 => int.MaxValue, 2 => int.MinValue, 3 => field.EnumType.Values.Max(v => v.Number) + 1, _ => random.Next(-1000, 1000) }),
        FieldType.Double or FieldType.Float => Doubles[random.Next(Doubles.Length)],
        FieldType.Bool => random.Next(2) == 0,
        _ => string.Empty,
    };

    /// <summary>A value for a field that the proto would accept, without meaning anything.</summary>
    public static object Plain(Random random, FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => "fuzz" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture),
        FieldType.Bytes => Bytes(random, 8),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (long)random.Next(1, 1_000),
        FieldType.UInt32 or FieldType.UInt64 or FieldType.Fixed32 or FieldType.Fixed64 => (ulong)random.Next(1, 1_000),
        FieldType.Enum => (long)DefinedEnum(random, field.EnumType),
        FieldType.Double or FieldType.Float => Math.Round(random.NextDouble() * 100, 2),
        FieldType.Bool => random.Next(2) == 0,
        _ => string.Empty,
    };

    public static int DefinedEnum(Random random, EnumDescriptor enumType)
    {
        var values = enumType.Values.Where(v => v.Number != 0).ToList();
        return values.Count == 0 ? 0 : values[random.Next(values.Count)].Number;
    }

    public static string WrongJsonValue(Random random) => random.Next(12) switch
    {
        // Deeper than any JSON reader's default limit.
        0 => new string('[', 5_000) + new string(']', 5_000),
        1 => "{\"a\":" + new string('[', 200) + new string(']', 200) + "}",
        _ => JsonValues[random.Next(JsonValues.Length)],
    };

    /// <summary>A JSON text that is not valid JSON, or not an object.</summary>
    public static string MalformedJson(Random random, string valid) => random.Next(9) switch
    {
        0 => valid.Length > 1 ? valid[..random.Next(1, valid.Length)] : "{",
        1 => valid + "}",
        2 => valid.Replace(":", "=", StringComparison.Ordinal),
        3 => new string('{', 3_000),
        4 => new string('[', 10_000) + new string(']', 10_000),
        5 => "[" + valid + "]",
        6 => "{\"a\":1e99999999999}",
        7 => RandomUnicode(random, random.Next(1, 300)),
        _ => "{\"" + RandomUnicode(random, 10) + "\":" + WrongJsonValue(random) + ",}",
    };

    private static byte[] InvalidUtf8(Random random) => random.Next(4) switch
    {
        0 => [0xc3, 0x28],
        1 => [0xff, 0xfe, 0xfd],
        2 => [0xed, 0xa0, 0x80], // an encoded surrogate
        _ => Bytes(random, 40),
    };
}
