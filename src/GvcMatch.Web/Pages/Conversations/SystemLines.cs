using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Pages.Conversations;

/// <summary>
/// The lines the platform writes into a conversation (its opening, consortium changes, offer
/// events) are stored once, in English, for both parties. The page reads them back in the
/// reader's language by their shape; the names in them stay as written. Offer lines drop the
/// terms, which the offer card beside them shows in the reader's language. negotiation.js gets
/// the same patterns for lines that arrive live.
/// </summary>
public static class SystemLines
{
    /// <summary>The stored line's shape and the text it reads as; the captured names fill {0}.</summary>
    public static readonly IReadOnlyList<(string Pattern, string Text)> Shapes =
    [
        ("^Conversation started by (.+)$", "Conversation started by {0}"),
        ("^(.+) joined the consortium and takes part in this conversation$", "{0} joined the consortium and takes part in this conversation"),
        ("^(.+) left the consortium and no longer takes part$", "{0} left the consortium and no longer takes part"),
        ("^(.+?) proposed: ", "{0} proposed an offer"),
        ("^(.+?) countered: ", "{0} made a counter offer"),
        ("^(.+?) accepted the offer: ", "{0} accepted the offer"),
        ("^(.+?) rejected the offer: ", "{0} rejected the offer"),
        ("^(.+?) withdrew the offer: ", "{0} withdrew the offer"),
        ("^The offer of .+ expired unanswered after ", "The offer expired unanswered"),
    ];

    private static readonly Regex[] Patterns = Shapes.Select(s => new Regex(s.Pattern, RegexOptions.Singleline)).ToArray();

    /// <summary>The line in the reader's language, or null when it has no known shape (then it shows as stored, marked English).</summary>
    public static string? Localize(string body, IStringLocalizer l)
    {
        if (Features.Localization.Languages.Current == "en") return null; // the stored line says more (the terms) and is English already
        for (var i = 0; i < Patterns.Length; i++)
        {
            var match = Patterns[i].Match(body);
            if (match.Success) return l[Shapes[i].Text, match.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray()];
        }
        return null;
    }

    /// <summary>The shapes for the script: pattern and translated text.</summary>
    public static IEnumerable<object> ForScript(IStringLocalizer l) =>
        Shapes.Select(s => new { pattern = s.Pattern, text = l[s.Text].Value });
}
