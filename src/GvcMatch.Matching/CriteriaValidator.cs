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
    public const int MaxRoleLength = 100;


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

        ValidateScopes(criteria, prefix, Add);
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
                if (c.Countries is not { Count: > 0 } && c.Regions is not { Count: > 0 }) add($"{at}.countries", "List at least one country or region.");
                if (c.Countries is { Count: > 0 }) CheckCountries(c.Countries, $"{at}.countries", codes, add);
                CheckRegions(c.Regions, $"{at}.regions", add);
                break;
            case CriterionKind.ExportExperience:
                if (c.Countries is { Count: > 0 }) CheckCountries(c.Countries, $"{at}.countries", codes, add);
                CheckRegions(c.Regions, $"{at}.regions", add);
                break;
            case CriterionKind.CompanySize:
                CheckSize(c, at, add);
                break;
            case CriterionKind.DisclosureProvided:
                Disclosures.DisclosureCriterionRules.Validate(c, at, add);
                break;
        }
    }

    /// <summary>
    /// Scopes and roles: a role a criterion applies to must be named by a capability criterion (its
    /// role name or one of its keywords), so the members doing it can be told apart.
    /// </summary>
    private static void ValidateScopes(IReadOnlyList<Criterion> criteria, string prefix, Action<string, string> add)
    {
        var named = RoleNames(criteria);
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            if (c is null) continue;
            var at = $"{prefix}[{i}]";
            if (!Enum.IsDefined(c.AppliesTo)) add($"{at}.appliesTo", "appliesTo is Consortium, EveryMember or Role.");
            if (c.Role is { } role && (string.IsNullOrWhiteSpace(role) || role.Trim().Length > MaxRoleLength))
            {
                add($"{at}.role", $"A role name is 1 to {MaxRoleLength} characters.");
                continue;
            }
            if (c.Kind == CriterionKind.CapabilityFit)
            {
                if (c.AppliesTo == CriterionScope.Role)
                    add($"{at}.appliesTo", "A capability criterion names a piece of work with 'role'; it applies to the consortium or to every member.");
                continue;
            }
            if (c.AppliesTo == CriterionScope.Role && string.IsNullOrWhiteSpace(c.Role))
                add($"{at}.role", "Name the role this criterion applies to.");
            else if (c.AppliedRole() is { } applied && !named.Contains(applied))
                add($"{at}.role", named.Count == 0
                    ? $"No capability criterion names the role '{applied}'. Give a capability criterion this role, or apply the criterion to the consortium or every member."
                    : $"No capability criterion names the role '{applied}'. Roles named: {string.Join(", ", named.Order(StringComparer.OrdinalIgnoreCase))}.");
            if (c.Period is { } period && !Enum.IsDefined(period)) add($"{at}.period", "period is Month, Year or Once.");
        }
    }

    /// <summary>The roles the capability criteria name: their role names and their keywords, case-insensitive.</summary>
    public static HashSet<string> RoleNames(IReadOnlyList<Criterion> criteria)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in criteria.Where(c => c is { Kind: CriterionKind.CapabilityFit }))
        {
            if (!string.IsNullOrWhiteSpace(c.Role)) names.Add(c.Role.Trim());
            foreach (var k in c.Keywords ?? []) if (!string.IsNullOrWhiteSpace(k)) names.Add(k.Trim());
        }
        return names;
    }

    /// <summary>Size by bands (as before counts were stored) or by an employee range, not both at once.</summary>
    private static void CheckSize(Criterion c, string at, Action<string, string> add)
    {
        var range = c.MinEmployees is not null || c.MaxEmployees is not null;
        if (c.SizeBands is { Count: > 0 } bands)
        {
            if (bands.Any(b => !CompanySizes.Bands.Contains(b))) add($"{at}.sizeBands", "Size bands are Micro, Small, Medium or Large.");
            if (range) add($"{at}.sizeBands", "Ask for size bands or for an employee range (minEmployees, maxEmployees), not both.");
            return;
        }
        if (!range)
        {
            add($"{at}.sizeBands", "List at least one size band, or give minEmployees and/or maxEmployees.");
            return;
        }
        CheckEmployees(c.MinEmployees, $"{at}.minEmployees", add);
        CheckEmployees(c.MaxEmployees, $"{at}.maxEmployees", add);
        if (c.MinEmployees is { } min && c.MaxEmployees is { } max && min > max)
            add($"{at}.maxEmployees", $"maxEmployees ({max}) is below minEmployees ({min}).");
    }

    /// <summary>An employee count: 0 to <see cref="CompanySizes.MaxEmployees"/>.</summary>
    public static void CheckEmployees(int? count, string key, Action<string, string> add)
    {
        if (count is < 0) add(key, "An employee count cannot be negative.");
        else if (count > CompanySizes.MaxEmployees) add(key, $"An employee count is at most {CompanySizes.MaxEmployees:#,0}.");
    }

    private static void CheckRegions(IReadOnlyList<string>? regions, string key, Action<string, string> add)
    {
        foreach (var name in (regions ?? []).Where(r => Places.RegionRegistry.Default.Find(r) is null))
        {
            add(key, $"Unknown region '{name}'. Regions: {string.Join(", ", Places.RegionRegistry.Default.Regions.Select(r => r.Code))}.");
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
