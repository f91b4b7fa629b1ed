using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Questions;

/// <summary>
/// One question as a reader sees it. Who asked is named only to the buyer and to the asking
/// organisation; every other bidder reads "a bidder", so a question never reveals a competitor.
/// </summary>
public sealed record QuestionDto(
    int Id, int RequirementId, string Text, DateTimeOffset AskedAt, string AskedBy, int? AskedByOrganizationId, bool AskedByYou,
    string? Answer, DateTimeOffset? AnsweredAt);

public sealed record AskQuestionRequest(string? Text);

public sealed record AnswerQuestionRequest(string? Answer);

/// <summary>The Q&amp;A of a published requirement: SMEs ask, the buyer's members answer, everyone signed in as an SME reads.</summary>
public sealed class QuestionBoard(AppDbContext db, Notifier notifier, TimeProvider clock)
{
    public const string Anonymous = "a bidder";

    public async Task<Outcome<List<QuestionDto>>> ListAsync(Actor? actor, int requirementId, CancellationToken ct)
    {
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requirementId, ct);
        var isBuyer = requirement is not null && Access.IsMember(actor, requirement.OrganizationId);
        if (requirement is null || actor is null || (!requirement.IsVisibleToEveryone && !isBuyer)) return Refusal.NotFound("The requirement");
        if (!isBuyer && !actor.IsSme) return Refusal.Forbidden("Questions and answers are shown to SMEs and to the buyer.");

        var rows = await db.RequirementQuestions.AsNoTracking().Where(q => q.RequirementId == requirementId)
            .OrderBy(q => q.AskedAt).ThenBy(q => q.Id).ToListAsync(ct);
        var orgIds = rows.Select(q => q.AskedByOrganizationId).Distinct().ToList();
        var names = isBuyer || actor.OrganizationId is not null
            ? await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct)
            : [];
        return rows.Select(q =>
        {
            var mine = actor.IsMemberOf(q.AskedByOrganizationId);
            var named = isBuyer || mine;
            return new QuestionDto(q.Id, q.RequirementId, q.Text, q.AskedAt,
                named ? names.GetValueOrDefault(q.AskedByOrganizationId, Anonymous) : Anonymous,
                named ? q.AskedByOrganizationId : null, mine, q.Answer, q.AnsweredAt);
        }).ToList();
    }

    public async Task<Outcome<RequirementQuestion>> AskAsync(Actor? actor, int requirementId, string? text, CancellationToken ct)
    {
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requirementId, ct);
        if (requirement is null || actor is null || (!requirement.IsVisibleToEveryone && !Access.IsMember(actor, requirement.OrganizationId)))
            return Refusal.NotFound("The requirement");
        if (!actor.IsSme || actor.OrganizationId is not { } orgId) return Refusal.Forbidden("Only SMEs ask questions about a requirement.");
        if (requirement.Status != RequirementStatus.Published) return Refusal.Conflict("Questions are taken only while the requirement is published.");
        var now = clock.GetUtcNow();
        if (requirement.DeadlinePassed(now)) return Refusal.Conflict($"Bids closed at {requirement.BidsCloseAt:yyyy-MM-dd HH:mm} UTC; questions are closed too.");
        var errors = new Errors();
        errors.Required("text", text, QuestionLimits.Text);
        if (errors.Any) return Refusal.Invalid(errors);

        var question = new RequirementQuestion
        {
            RequirementId = requirementId, AskedByOrganizationId = orgId, AskedByUserId = actor.UserId, Text = text!.Trim(), AskedAt = now,
        };
        db.RequirementQuestions.Add(question);
        await db.SaveChangesAsync(ct);
        var buyers = await BidderAudience.OrganizationUserIdsAsync(db, requirement.OrganizationId, ct);
        await notifier.NotifyAsync(buyers, QuestionNotificationKinds.Question, $"New question on \"{requirement.Title}\"",
            Shorten(question.Text), $"/Requirements/{requirementId}#question-{question.Id}", ct);
        return question;
    }

    /// <summary>The buyer answers, or corrects an earlier answer; either way every bidder is told.</summary>
    public async Task<Outcome<RequirementQuestion>> AnswerAsync(Actor? actor, int requirementId, int questionId, string? answer, CancellationToken ct)
    {
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requirementId, ct);
        var question = await db.RequirementQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.RequirementId == requirementId, ct);
        if (requirement is null || actor is null || question is null) return Refusal.NotFound("The question");
        if (Access.CanManageRequirements(actor, requirement.OrganizationId) is { } reason)
            return requirement.IsVisibleToEveryone ? Refusal.Forbidden("Only the buyer answers questions. " + reason) : Refusal.NotFound("The question");
        if (requirement.Status is not (RequirementStatus.Published or RequirementStatus.Closed))
            return Refusal.Conflict($"A {requirement.Status.ToString().ToLowerInvariant()} requirement's questions can no longer be answered.");
        var errors = new Errors();
        errors.Required("answer", answer, QuestionLimits.Answer);
        if (errors.Any) return Refusal.Invalid(errors);

        question.Answer = answer!.Trim();
        question.AnsweredByUserId = actor.UserId;
        question.AnsweredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        var bidders = await BidderAudience.UserIdsAsync(db, requirementId, ct);
        await notifier.NotifyAsync(bidders, QuestionNotificationKinds.Answer, $"The buyer answered a question on \"{requirement.Title}\"",
            Shorten(question.Answer), $"/Requirements/{requirementId}#question-{question.Id}", ct);
        return question;
    }

    /// <summary>Tells every bidder that the requirement they answer has a new published version.</summary>
    public async Task NotifyNewVersionAsync(Requirement requirement, CancellationToken ct)
    {
        var bidders = await BidderAudience.UserIdsAsync(db, requirement.Id, ct);
        var note = requirement.Versions.OrderBy(v => v.Number).LastOrDefault()?.ChangeNote;
        await notifier.NotifyAsync(bidders, QuestionNotificationKinds.RequirementVersion,
            $"\"{requirement.Title}\" changed: version {requirement.Version}", note is null ? null : Shorten(note),
            $"/Requirements/{requirement.Id}#version-{requirement.Version}", ct);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..297] + "...";
}
