using GvcMatch.Matching.Certifications;

namespace GvcMatch.Web.Pages.Account.Requirements;

/// <summary>The certification part of one criterion row: its accepted standards, their scopes and the minimum evidence, with the errors that belong to each.</summary>
public sealed record CertificationCriterionModel(CriterionRow Row, int Index, IDictionary<string, string[]>? Errors)
{
    public string Name => $"Input.Criteria[{Index}]";
    public string At => $"criteria[{Index}]";

    /// <summary>
    /// Error keys of the accepted standard shown at <paramref name="position"/> (0 = the first): the
    /// validator names a single standard <c>standard</c>/<c>scope</c> and a list <c>anyOf[k]</c>.
    /// </summary>
    public IEnumerable<string> Keys(int position, string field)
    {
        IEnumerable<string> keys = position == 0 ? [$"{At}.{field}", $"{At}.anyOf[0].{field}"] : [$"{At}.anyOf[{position}].{field}"];
        // An entry refused as a whole (null) is reported under its own key, shown by its standard field.
        return field == "standard" ? keys.Append($"{At}.anyOf[{position}]") : keys;
    }

    /// <summary>The id of the list of scopes or classes the registry knows for a standard, or null when it knows none.</summary>
    public static string? ScopeListId(string? standard) =>
        !string.IsNullOrWhiteSpace(standard) && CertificationRegistry.Default.Resolve(standard) is { Standard.Scopes: not null } resolved
            ? ListId(resolved.Standard.Code) : null;

    public static string ListId(string code) => "scopes-" + new string(code.Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray());
}
