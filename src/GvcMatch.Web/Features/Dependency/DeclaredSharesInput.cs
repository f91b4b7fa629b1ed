using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Dependency;

/// <summary>One customer in one year: a share in percent or an amount with its currency.</summary>
public sealed record DeclaredShareInput
{
    public string? CustomerName { get; init; }
    public int? CustomerOrganizationId { get; init; }
    public int? Year { get; init; }
    public decimal? SharePercent { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
}

/// <summary>The SME's whole declaration: it replaces what was declared before (an empty list withdraws it).</summary>
public sealed record DeclaredSharesInput
{
    public List<DeclaredShareInput?>? Customers { get; init; }

    /// <summary>
    /// Checks every row, naming the field (<c>customers[2].sharePercent</c>); a year is declared in
    /// shares or in amounts of one currency, so that its customers' parts can be compared, and its
    /// shares add up to at most 100 %.
    /// </summary>
    public async Task<Errors> ValidateAsync(AppDbContext db, ReferenceData.ReferenceData reference, int sme, int currentYear, CancellationToken ct)
    {
        var errors = new Errors();
        // Null is not an empty declaration: withdrawing one is said with an empty list.
        if (Customers is null) errors.Add("customers", "Send the customers (an empty list withdraws the declaration).");
        var rows = Customers ?? [];
        if (rows.Count > DeclaredShareLimits.Rows) errors.Add("customers", $"Declare at most {DeclaredShareLimits.Rows} customers.");
        var ids = rows.Select(r => r?.CustomerOrganizationId).OfType<int>().Distinct().ToList();
        var known = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var field = $"customers[{i}]";
            if (rows[i] is not { } r) { errors.Add(field, "A customer row is empty."); continue; }
            if (r.CustomerOrganizationId is null) errors.Required($"{field}.customerName", r.CustomerName, DeclaredShareLimits.Name);
            else errors.MaxLength($"{field}.customerName", r.CustomerName, DeclaredShareLimits.Name);
            errors.SingleLine($"{field}.customerName", r.CustomerName);
            if (r.CustomerOrganizationId is { } org && (!known.Contains(org) || org == sme))
                errors.Add($"{field}.customerOrganizationId", "No such customer organisation on the platform.");
            if (r.Year is not { } year || year < 1990 || year > currentYear)
                errors.Add($"{field}.year", $"Give the year, from 1990 to {currentYear}.");
            if ((r.SharePercent is null) == (r.Amount is null))
                errors.Add($"{field}.sharePercent", "Give either a share in percent or an amount.");
            if (r.SharePercent is { } share && (share <= 0 || share > 100)) errors.Add($"{field}.sharePercent", "A share is more than 0 and at most 100 %.");
            if (r.Amount is { } amount && amount <= 0) errors.Add($"{field}.amount", "An amount is more than 0.");
            if (r.Amount is not null && (string.IsNullOrWhiteSpace(r.Currency) || !reference.Contains("currencies", r.Currency.Trim().ToUpperInvariant())))
                errors.Add($"{field}.currency", "Give the amount's ISO 4217 currency.");
        }
        if (errors.Any) return errors;
        foreach (var year in rows.Select((r, i) => (Row: r!, Index: i)).GroupBy(x => x.Row.Year))
        {
            var last = year.Last().Index;
            if (year.Any(x => x.Row.SharePercent is not null) && year.Any(x => x.Row.Amount is not null))
                errors.Add($"customers[{last}].amount", $"Declare {year.Key} in shares or in amounts, not both.");
            else if (year.Select(x => x.Row.Currency?.Trim().ToUpperInvariant()).Distinct().Count() > 1)
                errors.Add($"customers[{last}].currency", $"Declare {year.Key}'s amounts in one currency.");
            else if (year.Sum(x => x.Row.SharePercent ?? 0) > 100)
                errors.Add($"customers[{last}].sharePercent", $"The shares of {year.Key} add up to {year.Sum(x => x.Row.SharePercent ?? 0):0.##} %, more than 100 %.");
        }
        return errors;
    }
}

/// <summary>A declared row as the SME reads it back.</summary>
public sealed record DeclaredShareDto(int Year, string CustomerName, int? CustomerOrganizationId, decimal? SharePercent, decimal? Amount, string? Currency)
{
    public static DeclaredShareDto From(DeclaredRevenueShare s) => new(s.Year, s.CustomerName, s.CustomerOrganizationId, s.SharePercent, s.Amount, s.Currency);
}
