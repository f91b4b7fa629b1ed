using System.Globalization;
using System.Text;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>
/// Folds an organisation name for matching what a person types: case and accents dropped
/// ("Müller" = "muller"), full- and half-width forms joined, hiragana read as katakana
/// ("かわぐち" = "カワグチ") and punctuation read as a space. Kanji stay as they are.
/// </summary>
public static class NameFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) continue;
            if (!char.IsLetterOrDigit(ch))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
                continue;
            }
            switch (char.ToLowerInvariant(ch))
            {
                // Letters that do not decompose into a base letter and a mark.
                case 'ß': sb.Append("ss"); break;
                case 'æ': sb.Append("ae"); break;
                case 'œ': sb.Append("oe"); break;
                case 'ø': sb.Append('o'); break;
                case 'ł': sb.Append('l'); break;
                case 'đ': sb.Append('d'); break;
                case 'ı': sb.Append('i'); break;
                case var c when c is >= '\u3041' and <= '\u3096': sb.Append((char)(c + 0x60)); break; // hiragana to katakana
                case var c: sb.Append(c); break;
            }
        }
        return sb.ToString().Trim();
    }
}
