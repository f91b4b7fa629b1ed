namespace GvcMatch.Web.Features.Ndas;

public sealed record NdaPolicyInput(string? Template, int? TermMonths, string? Purpose, string? GoverningLaw, string? Jurisdiction);

public sealed record NdaAcceptInput(string? TextSha256);

public sealed record NdaTemplateInput(string? Name, NdaKind? Kind, string? Language, string? Text);

public sealed record NdaTemplateDto(string Ref, string Name, NdaKind Kind, string Language, string Version, string Text, string? FileUrl)
{
    public static NdaTemplateDto From(NdaTemplateText t) => new(t.Ref, t.Name, t.Kind, t.Language, t.Version, t.Text, t.FileUrl);
}

/// <summary>The owner's NDA as the other side reads it; <see cref="TemplateFileUrl"/> is the original file when the owner uploaded its text as one.</summary>
public sealed record NdaPolicyDto(string Template, string TemplateName, NdaKind Kind, string Language, int TermMonths, string Purpose, string GoverningLaw, string Jurisdiction, string? TemplateFileUrl = null);

/// <summary>What a page or client shows on an object: whether an NDA is needed, its text for the caller, and the caller's NDA if any.</summary>
public sealed record NdaGateDto(bool Required, bool IsOwner, NdaPolicyDto? Policy, string? Text, string? TextSha256, NdaDto? Held);

public sealed record NdaDto(
    int Id, NdaSubject Subject, int SubjectId, string SubjectTitle,
    int OwnerOrganizationId, string OwnerOrganizationName, int RecipientOrganizationId, string RecipientOrganizationName,
    string AcceptedBy, DateTimeOffset AcceptedAt, string AcceptedFrom,
    string Template, string TemplateVersion, NdaKind Kind, string Language, string TextSha256,
    DateTimeOffset ExpiresAt, DateTimeOffset? EndedAt, string Status, string RecordUrl)
{
    public static NdaDto From(Nda n, DateTimeOffset now) => new(
        n.Id, n.Subject, n.SubjectId, n.SubjectTitle, n.OwnerOrganizationId, n.OwnerOrganizationName, n.RecipientOrganizationId, n.RecipientOrganizationName,
        n.AcceptedByName, n.AcceptedAt, n.AcceptedFromAddress, n.TemplateRef, n.TemplateVersion, n.Kind, n.Language, n.TextSha256,
        n.ExpiresAt, n.EndedAt, n.EndedAt is not null ? "ended" : now >= n.ExpiresAt ? "expired" : "valid", $"/api/ndas/{n.Id}/record");
}
