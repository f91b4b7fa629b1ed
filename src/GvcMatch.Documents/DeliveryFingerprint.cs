using System.Security.Cryptography;

namespace GvcMatch.Documents;

/// <summary>
/// The code printed on (and hidden in) one delivery of a protected document: 48 random bits written as
/// ten characters of Crockford's base 32 in two groups ("7K2QX-M9D4A"), easy to read aloud from a
/// leaked copy and with no letters that look like digits.
/// </summary>
public readonly record struct DeliveryFingerprint(ulong Value)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const ulong Mask = (1UL << 48) - 1;

    public static DeliveryFingerprint New()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return new(BitConverter.ToUInt64(bytes) & Mask);
    }

    public override string ToString()
    {
        Span<char> chars = stackalloc char[11];
        var v = Value & Mask;
        for (var i = 10; i >= 0; i--)
        {
            if (i == 5) { chars[i] = '-'; continue; }
            chars[i] = Alphabet[(int)(v & 31)];
            v >>= 5;
        }
        return new string(chars);
    }

    /// <summary>Reads a code as people type it: any case, with or without the dash, O for 0 and I or L for 1.</summary>
    public static bool TryParse(string? text, out DeliveryFingerprint fingerprint)
    {
        fingerprint = default;
        if (text is null) return false;
        ulong v = 0;
        var digits = 0;
        foreach (var raw in text.Trim().ToUpperInvariant())
        {
            if (raw is '-' or ' ') continue;
            var c = raw switch { 'O' => '0', 'I' or 'L' => '1', _ => raw };
            var index = Alphabet.IndexOf(c);
            if (index < 0 || ++digits > 10) return false;
            v = (v << 5) | (uint)index;
        }
        if (digits != 10 || v > Mask) return false;
        fingerprint = new(v);
        return true;
    }
}
