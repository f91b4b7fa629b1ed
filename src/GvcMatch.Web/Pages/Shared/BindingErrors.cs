namespace GvcMatch.Web.Pages.Shared;

/// <summary>Turns model-binding failures ("Input.LeadTimeDays" not a number) into the same JSON-path keys Validate uses.</summary>
public static class BindingErrors
{
    public static void AddTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, Infrastructure.Errors errors, string prefix = "Input.")
    {
        foreach (var (key, entry) in state)
        {
            if (entry.Errors.Count == 0) continue;
            var path = key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : key;
            var json = string.Join('.', path.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
            errors.Add(json, "This value is not valid here.");
        }
    }
}
