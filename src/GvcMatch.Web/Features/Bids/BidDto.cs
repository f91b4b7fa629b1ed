using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Web.Features.Bids;

public sealed record BidAnswerDto(int Criterion, string Label, string? Summary, bool Mandatory, int? Weight, string? Value, decimal? Number, string? Evidence);

public sealed record BidSubcontractorDto(string Name, int? OrganizationId, string? Country, string Work, decimal? SharePercent);

public sealed record BidDocumentDto(int Id, string FileName, string ContentType, long Length, string Sha256, DateTimeOffset UploadedAt, string Url);

/// <summary>
/// A bid as its party (and, after the deadline, the buyer) reads it. <see cref="NewerVersion"/>
/// is true when the requirement was changed after the bid's answers were saved, so the bidder
/// knows to review them against <see cref="RequirementVersion"/>.
/// </summary>
public sealed record BidDto(
    int Id, int RequirementId, string RequirementTitle, int OrganizationId, string OrganizationName, int? ConsortiumId, string? ConsortiumName,
    BidStatus Status, int AnsweredVersion, int RequirementVersion, bool NewerVersion, DateTimeOffset? BidsCloseAt, bool Frozen,
    IReadOnlyList<int> Lots, IReadOnlyList<BidAnswerDto> Answers, decimal? Price, string? Currency, string? PriceBasis, int? LeadTimeDays,
    string? Incoterms, int? PaymentTermsDays, DateOnly? ValidUntil, string? Notes, IReadOnlyList<BidSubcontractorDto> Subcontractors,
    IReadOnlyList<BidDocumentDto> Documents, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? WithdrawnAt)
{
    public static BidDto From(BidView v, DateTimeOffset now)
    {
        var (b, r) = (v.Bid, v.Requirement);
        return new BidDto(
            b.Id, b.RequirementId, r.Title, b.OrganizationId, v.OrganizationName, b.ConsortiumId, v.ConsortiumName, b.Status,
            b.AnsweredVersion, r.Version, r.Version > b.AnsweredVersion, r.BidsCloseAt, r.DeadlinePassed(now), b.Lots,
            b.Answers.OrderBy(a => a.CriterionIndex).Select(a =>
            {
                var c = a.CriterionIndex < r.Criteria.Count ? r.Criteria[a.CriterionIndex] : null;
                return new BidAnswerDto(a.CriterionIndex, BidRules.Label(a.CriterionIndex), c?.Summary(), c?.Mandatory ?? false, c?.Weight, a.Value, a.Number, a.Evidence);
            }).ToList(),
            b.Price, b.Currency, b.PriceBasis, b.LeadTimeDays, b.Incoterms, b.PaymentTermsDays, b.ValidUntil, b.Notes,
            b.Subcontractors.OrderBy(s => s.Id).Select(s => new BidSubcontractorDto(s.Name, s.OrganizationId, s.Country, s.Work, s.SharePercent)).ToList(),
            b.Documents.OrderBy(d => d.Id).Select(d => new BidDocumentDto(d.Id, d.FileName, d.ContentType, d.Length, d.Sha256, d.UploadedAt,
                $"/api/bids/{b.Id}/documents/{d.Id}")).ToList(),
            b.CreatedAt, b.UpdatedAt, b.SubmittedAt, b.WithdrawnAt);
    }
}

/// <summary>One line of a list of bids (the bidder's own, or the buyer's opened ones).</summary>
public sealed record BidSummaryDto(
    int Id, int RequirementId, string RequirementTitle, string OrganizationName, int? ConsortiumId, string? ConsortiumName, BidStatus Status,
    IReadOnlyList<int> Lots, decimal? Price, string? Currency, int? LeadTimeDays, int AnsweredVersion, int RequirementVersion, bool NewerVersion,
    DateTimeOffset? BidsCloseAt, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt);

/// <summary>A bid with what its readers need around it: the requirement it answers and the names of its party.</summary>
public sealed record BidView(Bid Bid, Requirement Requirement, string OrganizationName, string? ConsortiumName, BidRole Role)
{
    public BidSummaryDto Summary() => new(
        Bid.Id, Bid.RequirementId, Requirement.Title, OrganizationName, Bid.ConsortiumId, ConsortiumName, Bid.Status, Bid.Lots,
        Bid.Price, Bid.Currency, Bid.LeadTimeDays, Bid.AnsweredVersion, Requirement.Version, Requirement.Version > Bid.AnsweredVersion,
        Requirement.BidsCloseAt, Bid.SubmittedAt, Bid.UpdatedAt);
}

/// <summary>How the caller relates to a bid: its party may change it (the lead for a consortium) or only read it.</summary>
public enum BidRole { Writer, PartyReader, Buyer }
