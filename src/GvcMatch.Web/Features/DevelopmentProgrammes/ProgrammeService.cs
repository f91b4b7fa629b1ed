using GvcMatch.Matching;
using GvcMatch.Matching.Understanding;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.DevelopmentProgrammes;

/// <summary>
/// The programme rules, shared by the API and the pages: who runs, who is enrolled, what each SME has
/// met. Nothing about progress is stored but the runner's marks and the completion date: milestones
/// are checked against the profile on every read, so progress follows the profile.
/// </summary>
public sealed class ProgrammeService(AppDbContext db, ReferenceData.ReferenceData reference, CapabilityVocabulary vocabulary, TimeProvider clock)
{
    /// <summary>Buyers and verified intermediaries run programmes.</summary>
    public static string? CanRun(Actor? actor) =>
        actor?.OrganizationId is null ? "Join an organisation to run a programme."
        : actor.IsMne || (actor.OrganizationKind == OrganizationKind.Intermediary && actor.OrganizationVerified) ? null
        : "Only buyers and verified intermediaries run development programmes.";

    public async Task<Outcome<DevelopmentProgramme>> CreateAsync(Actor? actor, ProgrammeInput input, CancellationToken ct)
    {
        if (CanRun(actor) is { } refused) return Refusal.Forbidden(refused);
        if (input.Validate(reference) is { Any: true } errors) return Refusal.Invalid(errors);
        var programme = new DevelopmentProgramme { OrganizationId = actor!.OrganizationId!.Value, Title = "", CreatedAt = clock.GetUtcNow() };
        input.ApplyTo(programme);
        db.Add(programme);
        await db.SaveChangesAsync(ct);
        return programme;
    }

    public async Task<Outcome<DevelopmentProgramme>> UpdateAsync(Actor? actor, int id, ProgrammeInput input, CancellationToken ct)
    {
        var found = await RunnersAsync(actor, id, ct);
        if (!found.Ok) return found;
        if (input.Validate(reference) is { Any: true } errors) return Refusal.Invalid(errors);
        input.ApplyTo(found.Value!);
        await db.SaveChangesAsync(ct);
        return found;
    }

    /// <summary>The programme, for a member of the organisation that runs it (404 for anyone else: enrolments are the runner's business).</summary>
    public async Task<Outcome<DevelopmentProgramme>> RunnersAsync(Actor? actor, int id, CancellationToken ct)
    {
        var programme = await db.Set<DevelopmentProgramme>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return Refusal.NotFound("The programme");
        return Access.IsMember(actor, programme.OrganizationId) ? programme : Refusal.Forbidden("Only the organisation that runs the programme manages it.");
    }

    /// <summary>SMEs whose name contains <paramref name="q"/>, not yet enrolled, for the runner's enrolment form.</summary>
    public async Task<Outcome<List<CandidateDto>>> CandidatesAsync(Actor? actor, int id, string? q, CancellationToken ct)
    {
        var found = await RunnersAsync(actor, id, ct);
        if (!found.Ok) return found.Refusal!;
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2) return Refusal.Invalid("q", "Type at least two letters of the SME's name.");
        var pattern = $"%{q.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
        var enrolled = db.Set<ProgrammeEnrolment>().Where(e => e.ProgrammeId == id).Select(e => e.OrganizationId);
        return await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Sme && EF.Functions.Like(o.Name.ToLower(), pattern, "\\") && !enrolled.Contains(o.Id))
            .OrderBy(o => o.Name).Take(20).Select(o => new CandidateDto(o.Id, o.Name, o.Country)).ToListAsync(ct);
    }

    public async Task<Outcome<ProgrammeEnrolment>> EnrolAsync(Actor? actor, int id, int? smeId, CancellationToken ct)
    {
        var found = await RunnersAsync(actor, id, ct);
        if (!found.Ok) return found.Refusal!;
        if (smeId is not { } sme) return Refusal.Invalid("organizationId", "Name the SME (organizationId).");
        var kind = await db.Organizations.Where(o => o.Id == sme).Select(o => (OrganizationKind?)o.Kind).FirstOrDefaultAsync(ct);
        if (kind is null) return Refusal.Invalid("organizationId", "The organisation was not found.");
        if (kind != OrganizationKind.Sme) return Refusal.Invalid("organizationId", "Only SMEs are enrolled in a development programme.");
        var existing = await db.Set<ProgrammeEnrolment>().FirstOrDefaultAsync(e => e.ProgrammeId == id && e.OrganizationId == sme, ct);
        if (existing is not null)
        {
            // Asking again after a refusal is a new invitation; otherwise the enrolment stands as it is.
            if (existing.Status == EnrolmentStatus.Declined) { existing.Status = EnrolmentStatus.Invited; existing.InvitedAt = clock.GetUtcNow(); existing.AnsweredAt = null; }
            await db.SaveChangesAsync(ct);
            return existing;
        }
        var enrolment = new ProgrammeEnrolment { ProgrammeId = id, OrganizationId = sme, Status = EnrolmentStatus.Invited, InvitedAt = clock.GetUtcNow() };
        db.Add(enrolment);
        await db.SaveChangesAsync(ct);
        return enrolment;
    }

    /// <summary>The SME accepts or declines its enrolment; only its own members answer.</summary>
    public async Task<Outcome<ProgrammeEnrolment>> AnswerAsync(Actor? actor, int id, int enrolmentId, bool? accept, CancellationToken ct)
    {
        var enrolment = await db.Set<ProgrammeEnrolment>().FirstOrDefaultAsync(e => e.Id == enrolmentId && e.ProgrammeId == id, ct);
        if (enrolment is null || !Access.IsMember(actor, enrolment.OrganizationId)) return Refusal.NotFound("The enrolment");
        if (accept is not { } yes) return Refusal.Invalid("accept", "Say whether you accept (true) or decline (false).");
        if (enrolment.CompletedOn is not null) return Refusal.Conflict("The programme is already completed.");
        enrolment.Status = yes ? EnrolmentStatus.Accepted : EnrolmentStatus.Declined;
        enrolment.AnsweredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return enrolment;
    }

    public async Task<Outcome<ProgrammeMilestone>> AddMilestoneAsync(Actor? actor, int id, MilestoneInput input, CancellationToken ct)
    {
        var found = await RunnersAsync(actor, id, ct);
        if (!found.Ok) return found.Refusal!;
        if (input.Validate(vocabulary) is { Any: true } errors) return Refusal.Invalid(errors);
        if (input.EnrolmentId is { } enrolment && !await db.Set<ProgrammeEnrolment>().AnyAsync(e => e.Id == enrolment && e.ProgrammeId == id, ct))
            return Refusal.Invalid("enrolmentId", "That SME is not enrolled in this programme.");
        var milestone = input.ToMilestone(id, vocabulary);
        db.Add(milestone);
        await db.SaveChangesAsync(ct);
        return milestone;
    }

    /// <summary>The runner marks a text milestone done for one SME, with a note; profile-checked milestones are never marked by hand.</summary>
    public async Task<Outcome<MilestoneMark>> MarkAsync(Actor? actor, int id, int enrolmentId, int milestoneId, string? note, CancellationToken ct)
    {
        var found = await RunnersAsync(actor, id, ct);
        if (!found.Ok) return found.Refusal!;
        var enrolment = await db.Set<ProgrammeEnrolment>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == enrolmentId && e.ProgrammeId == id, ct);
        if (enrolment is null) return Refusal.NotFound("The enrolment");
        var milestone = await db.Set<ProgrammeMilestone>().AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == milestoneId && m.ProgrammeId == id && (m.EnrolmentId == null || m.EnrolmentId == enrolmentId), ct);
        if (milestone is null) return Refusal.NotFound("The milestone");
        if (milestone.Kind != MilestoneKind.Text) return Refusal.Invalid("milestoneId", "This milestone is checked against the SME's profile, not marked by hand.");
        var errors = new Errors();
        errors.Required("note", note, ProgrammeLimits.Note);
        if (errors.Any) return Refusal.Invalid(errors);
        var mark = await db.Set<MilestoneMark>().FirstOrDefaultAsync(m => m.MilestoneId == milestoneId && m.EnrolmentId == enrolmentId, ct);
        if (mark is null) db.Add(mark = new MilestoneMark { MilestoneId = milestoneId, EnrolmentId = enrolmentId, Note = "", MarkedByUserId = actor!.UserId });
        mark.Note = note!.Trim();
        mark.MarkedAt = clock.GetUtcNow();
        mark.MarkedByUserId = actor!.UserId;
        await db.SaveChangesAsync(ct);
        return mark;
    }

    /// <summary>Records the SME's completion; refused (409) until it has accepted and met every milestone.</summary>
    public async Task<Outcome<EnrolmentProgressDto>> CompleteAsync(Actor? actor, int id, int enrolmentId, CancellationToken ct)
    {
        var found = await RunnersAsync(actor, id, ct);
        if (!found.Ok) return found.Refusal!;
        var progress = (await ProgressAsync(found.Value!, enrolmentId, ct)).SingleOrDefault();
        if (progress is null) return Refusal.NotFound("The enrolment");
        if (progress.Status != EnrolmentStatus.Accepted) return Refusal.Conflict("The SME has not accepted its enrolment.");
        if (progress.Met < progress.Total) return Refusal.Conflict($"The SME has met {progress.Met} of {progress.Total} milestones.");
        if (progress.CompletedOn is null)
            await db.Set<ProgrammeEnrolment>().Where(e => e.Id == enrolmentId).ExecuteUpdateAsync(u => u.SetProperty(e => e.CompletedOn, clock.Today()), ct);
        return (await ProgressAsync(found.Value!, enrolmentId, ct)).Single();
    }

    /// <summary>Every enrolled SME's progress (or one's), each milestone checked against its current profile.</summary>
    public async Task<List<EnrolmentProgressDto>> ProgressAsync(DevelopmentProgramme programme, int? enrolmentId, CancellationToken ct)
    {
        var enrolments = await db.Set<ProgrammeEnrolment>().AsNoTracking()
            .Where(e => e.ProgrammeId == programme.Id && (enrolmentId == null || e.Id == enrolmentId)).ToListAsync(ct);
        return await ProgressOfAsync(enrolments, ct);
    }

    /// <summary>The SME's own enrolments in every programme, with its progress (its own members only).</summary>
    public async Task<Outcome<List<EnrolmentProgressDto>>> MineAsync(Actor? actor, int orgId, CancellationToken ct)
    {
        if (!Access.IsMember(actor, orgId)) return Refusal.Forbidden("Only the SME itself reads its enrolments.");
        var enrolments = await db.Set<ProgrammeEnrolment>().AsNoTracking().Where(e => e.OrganizationId == orgId).ToListAsync(ct);
        return await ProgressOfAsync(enrolments, ct);
    }

    private async Task<List<EnrolmentProgressDto>> ProgressOfAsync(List<ProgrammeEnrolment> enrolments, CancellationToken ct)
    {
        if (enrolments.Count == 0) return [];
        var programmeIds = enrolments.Select(e => e.ProgrammeId).Distinct().ToList();
        var enrolmentIds = enrolments.Select(e => e.Id).ToList();
        var titles = await db.Set<DevelopmentProgramme>().AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var milestones = await db.Set<ProgrammeMilestone>().AsNoTracking().Where(m => programmeIds.Contains(m.ProgrammeId)).OrderBy(m => m.Id).ToListAsync(ct);
        var marks = await db.Set<MilestoneMark>().AsNoTracking().Where(m => enrolmentIds.Contains(m.EnrolmentId)).ToListAsync(ct);
        var orgIds = enrolments.Select(e => e.OrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var today = clock.Today();
        var list = new List<EnrolmentProgressDto>();
        foreach (var e in enrolments.OrderBy(e => e.ProgrammeId).ThenBy(e => e.Id))
        {
            var facts = await SupplierDocuments.LoadOwnFactsAsync(db, e.OrganizationId, ct);
            var read = facts is null ? null : ProfileReading.Read(facts, vocabulary);
            var statuses = milestones.Where(m => m.ProgrammeId == e.ProgrammeId && (m.EnrolmentId == null || m.EnrolmentId == e.Id))
                .Select(m => MilestoneChecks.Check(m, read, marks.FirstOrDefault(k => k.MilestoneId == m.Id && k.EnrolmentId == e.Id), vocabulary, today)).ToList();
            list.Add(new EnrolmentProgressDto(e.Id, e.ProgrammeId, titles[e.ProgrammeId], e.OrganizationId, names.GetValueOrDefault(e.OrganizationId, ""),
                e.Status, e.CompletedOn, statuses.Count(s => s.Met), statuses.Count, statuses));
        }
        return list;
    }

    /// <summary>A programme as everyone sees it, with its milestones for all.</summary>
    public async Task<ProgrammeDto?> PublicAsync(int id, CancellationToken ct) => (await PublicAsync(db.Set<DevelopmentProgramme>().Where(p => p.Id == id), ct)).FirstOrDefault();

    public async Task<List<ProgrammeDto>> PublicAsync(IQueryable<DevelopmentProgramme> query, CancellationToken ct)
    {
        var programmes = await query.AsNoTracking().Include(p => p.Milestones).OrderBy(p => p.EndsOn).ThenBy(p => p.Id).ToListAsync(ct);
        var runnerIds = programmes.Select(p => p.OrganizationId).Distinct().ToList();
        var runners = await db.Organizations.AsNoTracking().Where(o => runnerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var today = clock.Today();
        return programmes.Select(p => new ProgrammeDto(p.Id, p.OrganizationId, runners.GetValueOrDefault(p.OrganizationId, ""), p.Title, p.Aim, p.StartsOn, p.EndsOn,
            p.IsicCodes, p.HsCodes, p.EndsOn >= today,
            p.Milestones.Where(m => m.EnrolmentId is null).OrderBy(m => m.Id).Select(m => ToDto(m)).ToList())).ToList();
    }

    public MilestoneDto ToDto(ProgrammeMilestone m) => new(m.Id, m.Kind, MilestoneChecks.TitleOf(m, vocabulary), MilestoneChecks.Target(m, vocabulary), m.Due, m.EnrolmentId);

    /// <summary>The programmes an SME completed, for its public page: title, runner and date.</summary>
    public async Task<List<CompletedProgrammeDto>> CompletedAsync(int orgId, CancellationToken ct) =>
        await (from e in db.Set<ProgrammeEnrolment>()
               where e.OrganizationId == orgId && e.CompletedOn != null
               join p in db.Set<DevelopmentProgramme>() on e.ProgrammeId equals p.Id
               join o in db.Organizations on p.OrganizationId equals o.Id
               orderby e.CompletedOn descending
               select new CompletedProgrammeDto(p.Id, p.Title, o.Id, o.Name, e.CompletedOn!.Value)).AsNoTracking().ToListAsync(ct);
}
