using System.Globalization;
using System.Text;

namespace GvcMatch.Web.Features.Organizations;

/// <summary>Makes the stable keys that imports and links use ("sme-jp-kawaguchi-precision").</summary>
public static class Slug
{
    public static string From(string text, int maxLength = 60)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = char.ToLowerInvariant(ch);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= maxLength) break;
        }
        return sb.ToString().Trim('-') is { Length: > 0 } slug ? slug : "item";
    }

    /// <summary>A new unique-enough key: a readable slug plus a short random suffix.</summary>
    public static string NewKey(string prefix, string text) =>
        $"{prefix}-{From(text, 50)}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 3))}";
}
