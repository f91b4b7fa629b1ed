namespace GvcMatch.Matching;

/// <summary>The code lists a criterion's parameters are checked against.</summary>
public interface ICriteriaCodes
{
    bool IsCountry(string code);
    bool IsCertificationStandard(string code);
}

/// <summary>
/// Checks a buyer's criteria before they are stored or published. Errors are keyed by the
/// JSON path of the offending field (e.g. <c>criteria[2].weight</c>) so the client can show them
/// next to the field.
/// </summary>
public static class CriteriaValidator
{
    public const int MaxCriteria = 20;
    public const int MaxKeywords = 30;
    public const int MaxTextLength = 500;
    public const int WeightTotal = 100;

    private static readonly string[] SizeBandNames = ["Micro", "Small", "Medium", "Large"];

    public static Dictionary<string, string[]> Validate(IReadOnlyList<Criterion>? criteria, ICriteriaCodes codes, string prefix = "criteria")
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string key, string message)
        {
            if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
            list.Add(message);
        }

        if (criteria is null || criteria.Count == 0)
        {
            Add(prefix, "At least one selection criterion is required.");
            return Flatten(errors);
        }
        if (criteria.Count > MaxCriteria)
        {
            Add(prefix, $"At most {MaxCriteria} criteria are allowed.");
        }

        var weightSum = 0;
        var anyWeighted = false;
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            var at = $"{prefix}[{i}]";
            if (c is null)
            {
                Add(at, "A criterion cannot be null.");
                continue;
            }
            if (!Enum.IsDefined(c.Kind)) Add($"{at}.kind", "Unknown criterion kind.");
            if (c.Description is { Length: > MaxTextLength }) Add($"{at}.description", $"At most {MaxTextLength} characters.");

            if (c.Mandatory)
            {
                if (c.Weight is not null) Add($"{at}.weight", "A mandatory criterion has no weight.");
            }
            else if (c.Weight is null or < 1 or > 100)
            {
                Add($"{at}.weight", "A weighted criterion needs a weight between 1 and 100.");
            }
            else
            {
                anyWeighted = true;
                weightSum += c.Weight.Value;
            }

            ValidateParameters(c, at, codes, Add);
        }

        if (anyWeighted && weightSum != WeightTotal)
        {
            Add(prefix, $"The weights of the weighted criteria must sum to {WeightTotal}; they sum to {weightSum}.");
        }
        return Flatten(errors);
    }

    private static void ValidateParameters(Criterion c, string at, ICriteriaCodes codes, Action<string, string> add)
    {
        switch (c.Kind)
        {
            case CriterionKind.CapabilityFit:
                if (c.Keywords is not { Count: > 0 }) add($"{at}.keywords", "List at least one capability keyword.");
                else if (c.Keywords.Count > MaxKeywords) add($"{at}.keywords", $"At most {MaxKeywords} keywords.");
                else if (c.Keywords.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > 100)) add($"{at}.keywords", "Keywords must be 1 to 100 characters.");
                break;
            case CriterionKind.CertificationHeld:
                Certifications.CertificationCriterionRules.Validate(c, at, add);
                break;
            case CriterionKind.CapacityAtLeast:
                if (c.Minimum is null or <= 0) add($"{at}.minimum", "Give a positive minimum capacity.");
                if (string.IsNullOrWhiteSpace(c.Unit)) add($"{at}.unit", "Give the capacity unit.");
                break;
            case CriterionKind.LeadTimeAtMost:
                if (c.Days is null or < 1 or > 730) add($"{at}.days", "Give a lead time between 1 and 730 days.");
                break;
            case CriterionKind.LocationIn:
                if (c.Countries is not { Count: > 0 }) add($"{at}.countries", "List at least one country.");
                else CheckCountries(c.Countries, $"{at}.countries", codes, add);
                break;
            case CriterionKind.ExportExperience:
                if (c.Countries is { Count: > 0 }) CheckCountries(c.Countries, $"{at}.countries", codes, add);
                break;
            case CriterionKind.CompanySize:
                if (c.SizeBands is not { Count: > 0 }) add($"{at}.sizeBands", "List at least one size band.");
                else if (c.SizeBands.Any(b => !SizeBandNames.Contains(b))) add($"{at}.sizeBands", "Size bands are Micro, Small, Medium or Large.");
                break;
        }
    }

    private static void CheckCountries(IReadOnlyList<string> countries, string key, ICriteriaCodes codes, Action<string, string> add)
    {
        foreach (var code in countries.Where(code => !codes.IsCountry(code)))
        {
            add(key, $"Unknown country code '{code}'.");
        }
    }

    private static Dictionary<string, string[]> Flatten(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
