namespace Industry.ServiceDefaults.Reference;

/// <summary>
/// 统一社会信用代码: the 18-character unified social credit code of GB 32100-2015. Characters 3-8 are the
/// registering division's code; the last is a check character over the first 17 with weights 3^(i-1) mod 31
/// over the alphabet below (I, O, S, V and Z are never used).
/// </summary>
public static class Uscc
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Why <paramref name="code"/> is not a valid USCC, or null when it is.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "is required.";
        }

        if (code.Length != Length)
        {
            return $"must have {Length} characters, not {code.Length}.";
        }

        for (var i = 0; i < Length; i++)
        {
            if (Alphabet.IndexOf(code[i], StringComparison.Ordinal) < 0)
            {
                return $"has '{code[i]}' at position {i + 1}, which is not a USCC character (digits and upper-case letters except I, O, S, V, Z).";
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                return "must have the registering division's 6-digit code at positions 3-8.";
            }
        }

        var expected = CheckCharacter(code.AsSpan(0, Length - 1));
        return code[Length - 1] == expected ? null : $"has check character '{code[Length - 1]}', but the first 17 characters require '{expected}'.";
    }

    public static bool IsValid(string? code) => Problem(code) is null;

    /// <summary>The check character for the first 17 characters (which must be from the USCC alphabet).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("A USCC check character is computed over exactly 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a USCC character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = (31 - (sum % 31)) % 31;
        return Alphabet[check];
    }
}
