using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Features.Localization;

/// <summary>
/// Refusals and validation messages in the reader's language. Services write them in English, often
/// filled in ("At most 200 characters (got 250).", "The bid was not found."), and keep doing so: the
/// log, the audit trail and the hub's codes read the same in every language. At the edge (a
/// ProblemDetails answer, a form's error line) a message is looked up as a text of the resource set,
/// or else matched against the texts with placeholders: the best-fitting template's translation is
/// filled in with the same values, and a value that is itself a text ("The bid") is translated too.
/// </summary>
public sealed partial class MessageTexts
{
    private static MessageTexts? _current;

    private readonly IStringLocalizer _l;
    private readonly Lazy<IReadOnlyList<Template>> _templates;

    public MessageTexts(IStringLocalizerFactory factory)
    {
        _l = factory.Create(typeof(SharedResource));
        _templates = new(ReadTemplates);
    }

    /// <summary>Set once at start-up, for the static helpers pages use to show form errors.</summary>
    public static void Use(MessageTexts texts) => _current = texts;

    /// <summary>The message in the current UI culture's language; as it is when that is English or nothing fits.</summary>
    public static string Translate(string message) => _current?.InCurrentLanguage(message) ?? message;

    /// <summary>A fixed text with numbered placeholders, in the current UI culture's language, filled in.</summary>
    public static string Format(string english, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, _current?.Exact(english) ?? english, args);

    public string InCurrentLanguage(string message) =>
        Languages.IsTranslated(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ? Translated(message, depth: 2) : message;

    /// <param name="depth">How deep values are translated in turn ("Your ISO 9001 certificate expires in 30 days").</param>
    private string Translated(string message, int depth)
    {
        if (string.IsNullOrEmpty(message)) return message;
        if (Exact(message) is { } exact) return exact;
        // The templates are ordered most specific first, so the first that fits is the one meant.
        var (best, found) = _templates.Value.Select(t => (Template: t, Match: t.Pattern.Match(message))).FirstOrDefault(x => x.Match.Success);
        if (best is null || found is null || Exact(best.English) is not { } translated) return message;
        var values = Enumerable.Range(0, best.Count)
            .Select(i => found.Groups["p" + i] is { Success: true } g ? (object)(depth > 0 ? Translated(g.Value, depth - 1) : g.Value) : "").ToArray();
        return string.Format(CultureInfo.CurrentCulture, translated, values);
    }

    private string? Exact(string english)
    {
        var text = _l[english];
        return text.ResourceNotFound ? null : text.Value;
    }

    /// <summary>Every English text with a placeholder, most literal characters first (the most specific wins).</summary>
    private List<Template> ReadTemplates()
    {
        using var english = CultureScope.For("en");
        return _l.GetAllStrings(includeParentCultures: true).Select(s => s.Name)
            .Where(k => Placeholder().IsMatch(k)).Select(Template.Of).OfType<Template>()
            .OrderByDescending(t => t.Literal).ToList();
    }

    private sealed record Template(string English, Regex Pattern, int Count, int Literal)
    {
        public static Template? Of(string english)
        {
            var literal = Placeholder().Replace(english, "").Length;
            // "{0}: {1}" would fit any message with a colon: a template must say something of its own.
            if (literal < 4) return null;
            var seen = new HashSet<string>();
            var max = 0;
            var pattern = Placeholder().Replace(Regex.Escape(english).Replace(@"\{", "{"), m =>
            {
                var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                max = Math.Max(max, n + 1);
                return seen.Add("p" + n) ? $"(?<p{n}>.+?)" : $@"\k<p{n}>";
            });
            // Case-insensitive like the resource lookup: "expires in 30 days" inside a sentence is the text "Expires in {0} days".
            return new(english, new Regex("^" + pattern + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), max, literal);
        }
    }

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();
}
