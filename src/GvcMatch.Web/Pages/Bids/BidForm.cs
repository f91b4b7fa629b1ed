using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Pages.Shared;

namespace GvcMatch.Web.Pages.Bids;

/// <summary>
/// A bid as the form posts it: one answer row per published criterion (row i answers criterion i,
/// shown as C{i+1}), lot checkboxes, terms, and subcontractor rows (blank rows ignored).
/// </summary>
public sealed class BidForm
{
    public const int MinimumSubcontractorRows = 2;

    public List<AnswerRow> Answers { get; set; } = [];
    public List<int> Lots { get; set; } = [];
    public decimal? Price { get; set; }
    public string? Currency { get; set; }
    public string? PriceBasis { get; set; }
    public int? LeadTimeDays { get; set; }
    public string? Incoterms { get; set; }
    public int? PaymentTermsDays { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string? Notes { get; set; }
    public List<SubcontractorRow> Subcontractors { get; set; } = [];

    /// <summary>The bid's concurrency stamp when the form was opened; another save since then is reported, not overwritten.</summary>
    public Guid? Stamp { get; set; }

    public BidInput ToInput(int? consortiumId) => new()
    {
        ConsortiumId = consortiumId,
        Lots = Lots.Distinct().ToList(),
        Answers = Answers.Select((a, i) => new BidAnswerInput { Criterion = i, Value = a.Value, Number = a.Number, Evidence = a.Evidence })
            .Where(a => !a.IsBlank).ToList(),
        Price = Price, Currency = Currency, PriceBasis = PriceBasis, LeadTimeDays = LeadTimeDays, Incoterms = Incoterms,
        PaymentTermsDays = PaymentTermsDays, ValidUntil = ValidUntil, Notes = Notes,
        Subcontractors = Subcontractors.Where(s => !s.IsBlank).Select(s => new SubcontractorInput
        {
            Name = s.Name, Country = s.Country, Work = s.Work, SharePercent = s.SharePercent,
        }).ToList(),
    };

    /// <summary>Which rows the API-shaped error keys ("answers[1]", "subcontractors[0]") point at.</summary>
    public IDictionary<string, string[]> MapErrors(IDictionary<string, string[]> errors)
    {
        var answered = Enumerable.Range(0, Answers.Count)
            .Where(i => !new BidAnswerInput { Value = Answers[i].Value, Number = Answers[i].Number, Evidence = Answers[i].Evidence }.IsBlank).ToList();
        var subcontractors = RowErrors.NonBlank(Subcontractors, s => s.IsBlank);
        return RowErrors.Remap(RowErrors.Remap(errors, "answers", answered), "subcontractors", subcontractors);
    }

    public static BidForm From(BidInput input, int criteria, Guid? stamp)
    {
        var form = new BidForm
        {
            Lots = input.Lots.ToList(), Price = input.Price, Currency = input.Currency, PriceBasis = input.PriceBasis, LeadTimeDays = input.LeadTimeDays,
            Incoterms = input.Incoterms, PaymentTermsDays = input.PaymentTermsDays, ValidUntil = input.ValidUntil, Notes = input.Notes, Stamp = stamp,
            Subcontractors = input.Subcontractors.Select(s => new SubcontractorRow { Name = s.Name, Country = s.Country, Work = s.Work, SharePercent = s.SharePercent }).ToList(),
        };
        form.Answers = Enumerable.Range(0, criteria).Select(i => input.Answers.FirstOrDefault(a => a.Criterion == i) is { } a
            ? new AnswerRow { Value = a.Value, Number = a.Number, Evidence = a.Evidence } : new AnswerRow()).ToList();
        return form;
    }

    public void PadRows(int criteria)
    {
        while (Answers.Count < criteria) Answers.Add(new AnswerRow());
        var target = Math.Max(MinimumSubcontractorRows, Subcontractors.Count + 1);
        while (Subcontractors.Count < target) Subcontractors.Add(new SubcontractorRow());
    }
}

public sealed class AnswerRow
{
    public string? Value { get; set; }
    public decimal? Number { get; set; }
    public string? Evidence { get; set; }
}

public sealed class SubcontractorRow
{
    public string? Name { get; set; }
    public string? Country { get; set; }
    public string? Work { get; set; }
    public decimal? SharePercent { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Country) && string.IsNullOrWhiteSpace(Work) && SharePercent is null;
}
