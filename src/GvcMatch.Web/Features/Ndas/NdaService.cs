using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Ndas;

/// <summary>
/// NDAs on requirements and IP listings. The owner of the object picks a template and its terms;
/// any other organisation that sees the object reads the text rendered with its own name and accepts
/// exactly that text (it sends back the text's SHA-256, so a text changed in between is refused, not
/// signed). Only the two parties see an NDA.
/// </summary>
public sealed class NdaService(AppDbContext db, NdaTemplates templates, TimeProvider clock)
{
    public async Task<Outcome<NdaPolicy>> SetPolicyAsync(Actor? actor, NdaSubject subject, int id, NdaPolicyInput input, CancellationToken ct)
    {
        var found = await NdaSubjects.VisibleAsync(db, actor, subject, id, ct);
        if (found.Refusal is { } refused) return refused;
        if (found.Value!.CanManage(actor!) is { } reason) return Refusal.Forbidden(reason);
        var errors = new Errors();
        var template = await templates.FindAsync(db, input.Template, found.Value.OwnerOrganizationId, ct);
        if (template is null) errors.Add("template", "Pick a platform template (platform:mutual:en, platform:one-way:ja, ...) or one of your organisation's own (org:ID).");
        if (input.TermMonths is not (>= 1 and <= NdaLimits.MaxTermMonths)) errors.Add("termMonths", $"The term is 1 to {NdaLimits.MaxTermMonths} months.");
        errors.Required("purpose", input.Purpose, NdaLimits.Purpose);
        errors.Required("governingLaw", input.GoverningLaw, NdaLimits.Law);
        errors.Required("jurisdiction", input.Jurisdiction, NdaLimits.Law);
        if (errors.Any) return Refusal.Invalid(errors);

        var policy = await db.NdaPolicies.FirstOrDefaultAsync(p => p.Subject == subject && p.SubjectId == id, ct);
        if (policy is null)
        {
            policy = new NdaPolicy { Subject = subject, SubjectId = id, OwnerOrganizationId = found.Value.OwnerOrganizationId, TemplateRef = "", Purpose = "", GoverningLaw = "", Jurisdiction = "" };
            db.NdaPolicies.Add(policy);
        }
        policy.TemplateRef = template!.Ref;
        policy.TermMonths = input.TermMonths!.Value;
        policy.Purpose = input.Purpose!.Trim();
        policy.GoverningLaw = input.GoverningLaw!.Trim();
        policy.Jurisdiction = input.Jurisdiction!.Trim();
        policy.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return policy;
    }

    /// <summary>Adds the caller's organisation's own NDA text; it is never edited afterwards, so accepted NDAs keep their words.</summary>
    public async Task<Outcome<NdaTemplate>> AddTemplateAsync(Actor? actor, NdaTemplateInput input, CancellationToken ct)
    {
        if (actor?.OrganizationId is not { } org) return Refusal.Forbidden("Join an organisation before adding an NDA template.");
        var errors = new Errors();
        errors.Required("name", input.Name, NdaLimits.Name);
        errors.Required("text", input.Text, NdaLimits.Text);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "Kind is Mutual or OneWay.");
        if (input.Language is null || !NdaTemplates.Languages.Contains(input.Language)) errors.Add("language", "Language is en, es or ja.");
        if (errors.Any) return Refusal.Invalid(errors);
        var template = new NdaTemplate { OrganizationId = org, Name = input.Name!.Trim(), Kind = input.Kind!.Value, Language = input.Language!, Text = input.Text!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.NdaTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return template;
    }

    /// <summary>Stops asking for an NDA on the object. NDAs already accepted stay valid until they end.</summary>
    public async Task<Outcome<bool>> RemovePolicyAsync(Actor? actor, NdaSubject subject, int id, CancellationToken ct)
    {
        var found = await NdaSubjects.VisibleAsync(db, actor, subject, id, ct);
        if (found.Refusal is { } refused) return refused;
        if (found.Value!.CanManage(actor!) is { } reason) return Refusal.Forbidden(reason);
        await db.NdaPolicies.Where(p => p.Subject == subject && p.SubjectId == id).ExecuteDeleteAsync(ct);
        return true;
    }

    /// <summary>The gate as the caller sees it: the text rendered with the caller's organisation as recipient, and the caller's valid NDA if it holds one.</summary>
    public async Task<Outcome<NdaGateDto>> GateAsync(Actor? actor, NdaSubject subject, int id, CancellationToken ct)
    {
        var found = await NdaSubjects.VisibleAsync(db, actor, subject, id, ct);
        if (found.Refusal is { } refused) return refused;
        var info = found.Value!;
        var isOwner = actor!.IsMemberOf(info.OwnerOrganizationId);
        var held = await HeldAsync(actor.OrganizationId, subject, id, ct);
        var policy = await db.NdaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Subject == subject && p.SubjectId == id, ct);
        if (policy is null) return new NdaGateDto(false, isOwner, null, null, null, held is null ? null : NdaDto.From(held, clock.GetUtcNow()));
        var rendered = await RenderAsync(policy, info, actor, ct);
        return new NdaGateDto(true, isOwner, rendered?.Policy, rendered?.Text, rendered is null ? null : NdaTemplates.Hash(rendered.Value.Text),
            held is null ? null : NdaDto.From(held, clock.GetUtcNow()));
    }

    public async Task<Outcome<Nda>> AcceptAsync(Actor? actor, NdaSubject subject, int id, NdaAcceptInput input, string address, CancellationToken ct)
    {
        var found = await NdaSubjects.VisibleAsync(db, actor, subject, id, ct);
        if (found.Refusal is { } refused) return refused;
        var info = found.Value!;
        if (actor!.OrganizationId is not { } own) return Refusal.Forbidden("Join an organisation before accepting an NDA.");
        if (own == info.OwnerOrganizationId) return Refusal.Forbidden("Your organisation owns this; the NDA is for the other side.");
        if (input.TextSha256 is not { Length: 64 } sha || !sha.All(char.IsAsciiHexDigit))
            return Refusal.Invalid("textSha256", "Send the SHA-256 (64 hex digits) of the text you read.");
        var policy = await db.NdaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Subject == subject && p.SubjectId == id, ct);
        if (policy is null) return Refusal.NotFound("An NDA for this");
        var rendered = await RenderAsync(policy, info, actor, ct);
        if (rendered is not { } r) return Refusal.Conflict("The owner's NDA template is no longer available.");
        var hash = NdaTemplates.Hash(r.Text);
        if (!string.Equals(hash, sha, StringComparison.OrdinalIgnoreCase))
            return Refusal.Conflict("The NDA text has changed since you read it: read it again before accepting.");
        if (await HeldAsync(own, subject, id, ct) is { } existing && existing.TextSha256 == hash) return existing;

        var now = clock.GetUtcNow();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.DisplayName, u.Email }).FirstAsync(ct);
        var nda = new Nda
        {
            Subject = subject, SubjectId = id, SubjectTitle = info.Title,
            OwnerOrganizationId = info.OwnerOrganizationId, OwnerOrganizationName = info.OwnerName,
            RecipientOrganizationId = own, RecipientOrganizationName = r.Recipient,
            AcceptedByUserId = actor.UserId, AcceptedByName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? actor.UserId : $"{user.DisplayName} <{user.Email}>",
            AcceptedAt = now, AcceptedFromAddress = address,
            TemplateRef = r.Template.Ref, TemplateVersion = r.Template.Version, Kind = r.Template.Kind, Language = r.Template.Language,
            Text = r.Text, TextSha256 = hash, ExpiresAt = now.AddMonths(policy.TermMonths),
        };
        db.Ndas.Add(nda);
        await db.SaveChangesAsync(ct);
        return nda;
    }

    /// <summary>Every NDA the caller's organisation is party to, on either side, newest first.</summary>
    public async Task<List<Nda>> ListAsync(Actor? actor, CancellationToken ct)
    {
        if (actor?.OrganizationId is not { } own) return [];
        var rows = await db.Ndas.AsNoTracking().Where(n => n.OwnerOrganizationId == own || n.RecipientOrganizationId == own).ToListAsync(ct);
        return [.. rows.OrderByDescending(n => n.AcceptedAt)];
    }

    /// <summary>One NDA, for its two parties only.</summary>
    public async Task<Outcome<Nda>> GetAsync(Actor? actor, int ndaId, CancellationToken ct)
    {
        var nda = await db.Ndas.AsNoTracking().FirstOrDefaultAsync(n => n.Id == ndaId, ct);
        if (nda is null || actor?.OrganizationId is not { } own || (nda.OwnerOrganizationId != own && nda.RecipientOrganizationId != own)) return Refusal.NotFound("The NDA");
        return nda;
    }

    /// <summary>The owner ends an NDA early: protected documents stop opening for that recipient at once.</summary>
    public async Task<Outcome<Nda>> EndAsync(Actor? actor, int ndaId, CancellationToken ct)
    {
        var nda = await db.Ndas.FirstOrDefaultAsync(n => n.Id == ndaId, ct);
        if (nda is null || actor?.OrganizationId is not { } own || (nda.OwnerOrganizationId != own && nda.RecipientOrganizationId != own)) return Refusal.NotFound("The NDA");
        if (nda.OwnerOrganizationId != own) return Refusal.Forbidden("Only the disclosing owner ends an NDA early.");
        nda.EndedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return nda;
    }

    /// <summary>
    /// Whether <paramref name="organizationId"/> holds an NDA for the object that is valid now. In a
    /// conversation both parties may disclose, so a mutual NDA binds the party that asked for it too.
    /// </summary>
    public Task<Nda?> HeldAsync(int? organizationId, NdaSubject subject, int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var bothWays = subject == NdaSubject.Conversation;
        return organizationId is not { } org ? Task.FromResult<Nda?>(null)
            : db.Ndas.AsNoTracking().Where(n => n.Subject == subject && n.SubjectId == id && n.EndedAt == null && n.ExpiresAt > now
                    && (n.RecipientOrganizationId == org || (bothWays && n.Kind == NdaKind.Mutual && n.OwnerOrganizationId == org)))
                .OrderByDescending(n => n.ExpiresAt).FirstOrDefaultAsync(ct);
    }

    private async Task<(NdaTemplateText Template, string Recipient, string Text, NdaPolicyDto Policy)?> RenderAsync(NdaPolicy policy, SubjectInfo info, Actor actor, CancellationToken ct)
    {
        var template = await templates.FindAsync(db, policy.TemplateRef, info.OwnerOrganizationId, ct);
        if (template is null) return null;
        var recipient = actor.OrganizationId is { } org && org != info.OwnerOrganizationId
            ? await db.Organizations.Where(o => o.Id == org).Select(o => o.Name).FirstAsync(ct)
            : "[recipient]";
        var text = NdaTemplates.Render(template, new NdaVariables(info.OwnerName, recipient, policy.Purpose, policy.TermMonths, policy.GoverningLaw, policy.Jurisdiction));
        var dto = new NdaPolicyDto(template.Ref, template.Name, template.Kind, template.Language, policy.TermMonths, policy.Purpose, policy.GoverningLaw, policy.Jurisdiction, template.FileUrl);
        return (template, recipient, text, dto);
    }
}
