using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.DevelopmentProgrammes;

public static class DevelopmentProgrammesApi
{
    public static IServiceCollection AddDevelopmentProgrammes(this IServiceCollection services)
    {
        services.AddScoped<ProgrammeService>();
        services.AddScoped<ProgrammeMentoring>();
        return services;
    }

    public static IEndpointRouteBuilder MapDevelopmentProgrammesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/development-programmes").WithTags("Development programmes");
        group.MapGet("/", ListAsync).AllowAnonymous().WithSummary("Open supplier development programmes");
        group.MapGet("/{id:int}", GetAsync).AllowAnonymous().WithSummary("A programme and its milestones for everyone");
        group.MapPost("/", CreateAsync).RequireAuthorization().WithSummary("Run a programme (buyers and verified intermediaries)");
        group.MapPut("/{id:int}", UpdateAsync).RequireAuthorization().WithSummary("Edit your programme");
        group.MapGet("/{id:int}/progress", ProgressAsync).RequireAuthorization().WithSummary("Each enrolled SME's milestones met / total (the runner only)");
        group.MapGet("/{id:int}/candidates", CandidatesAsync).RequireAuthorization().WithSummary("SMEs by name to enrol (the runner only)");
        group.MapPost("/{id:int}/enrolments", EnrolAsync).RequireAuthorization().WithSummary("Invite an SME (the runner only)");
        group.MapPost("/{id:int}/enrolments/{enrolmentId:int}/answer", AnswerAsync).RequireAuthorization().WithSummary("Accept or decline an enrolment (the SME only)");
        group.MapPost("/{id:int}/milestones", AddMilestoneAsync).RequireAuthorization().WithSummary("Set a milestone for one SME or for all (the runner only)");
        group.MapPost("/{id:int}/enrolments/{enrolmentId:int}/milestones/{milestoneId:int}/done", MarkAsync).RequireAuthorization()
            .WithSummary("Mark a text milestone done with a note (the runner only)");
        group.MapPost("/{id:int}/enrolments/{enrolmentId:int}/complete", CompleteAsync).RequireAuthorization()
            .WithSummary("Record the SME's completion once every milestone is met (the runner only)");
        group.MapPost("/{id:int}/enrolments/{enrolmentId:int}/conversation", ConversationAsync).RequireAuthorization()
            .WithSummary("Open the mentoring conversation between runner and SME");
        app.MapGet("/api/organizations/{orgId:int}/development-programmes", MineAsync).RequireAuthorization().WithTags("Development programmes")
            .WithSummary("Your SME's enrolments and progress (the SME only)");
        app.MapGet("/api/organizations/{orgId:int}/completed-programmes", CompletedAsync).AllowAnonymous().WithTags("Development programmes")
            .WithSummary("Programmes an SME completed: title, runner and date (public)");
        return app;
    }

    private static async Task<Ok<List<ProgrammeDto>>> ListAsync(AppDbContext db, ProgrammeService programmes, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        return TypedResults.Ok(await programmes.PublicAsync(db.Set<DevelopmentProgramme>().Where(p => p.EndsOn >= today), ct));
    }

    private static async Task<Results<Ok<ProgrammeDto>, ProblemHttpResult>> GetAsync(int id, ProgrammeService programmes, CancellationToken ct) =>
        await programmes.PublicAsync(id, ct) is { } found ? TypedResults.Ok(found) : Problems.NotFound("The programme");

    private static async Task<Results<Created<ProgrammeDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ProgrammeInput input, ClaimsPrincipal user, AppDbContext db, ProgrammeService programmes, CancellationToken ct)
    {
        var outcome = await programmes.CreateAsync(await user.GetActorAsync(db, ct), input, ct);
        if (outcome.Refusal is { } r) return r.IsInvalid ? r.ToValidationProblem() : r.ToProblem();
        return TypedResults.Created($"/api/development-programmes/{outcome.Value!.Id}", (await programmes.PublicAsync(outcome.Value.Id, ct))!);
    }

    private static async Task<Results<Ok<ProgrammeDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, ProgrammeInput input, ClaimsPrincipal user, AppDbContext db, ProgrammeService programmes, CancellationToken ct)
    {
        var outcome = await programmes.UpdateAsync(await user.GetActorAsync(db, ct), id, input, ct);
        if (outcome.Refusal is { } r) return r.IsInvalid ? r.ToValidationProblem() : r.ToProblem();
        return TypedResults.Ok((await programmes.PublicAsync(id, ct))!);
    }

    private static async Task<Results<Ok<ProgrammeProgressDto>, ValidationProblem, ProblemHttpResult>> ProgressAsync(
        int id, ClaimsPrincipal user, AppDbContext db, ProgrammeService programmes, CancellationToken ct)
    {
        var found = await programmes.RunnersAsync(await user.GetActorAsync(db, ct), id, ct);
        if (found.Refusal is { } r) return r.ToProblem();
        return TypedResults.Ok(new ProgrammeProgressDto((await programmes.PublicAsync(id, ct))!, await programmes.ProgressAsync(found.Value!, null, ct)));
    }

    private static async Task<Results<Ok<List<CandidateDto>>, ValidationProblem, ProblemHttpResult>> CandidatesAsync(
        int id, string? q, ClaimsPrincipal user, AppDbContext db, ProgrammeService programmes, CancellationToken ct) =>
        (await programmes.CandidatesAsync(await user.GetActorAsync(db, ct), id, q, ct)).Reply(c => c);

    private static async Task<Results<Ok<EnrolmentProgressDto>, ValidationProblem, ProblemHttpResult>> EnrolAsync(
        int id, EnrolInput input, ClaimsPrincipal user, AppDbContext db, ProgrammeService programmes, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var outcome = await programmes.EnrolAsync(actor, id, input.OrganizationId, ct);
        if (outcome.Refusal is { } r) return r.IsInvalid ? r.ToValidationProblem() : r.ToProblem();
        return TypedResults.Ok((await programmes.ProgressAsync((await programmes.RunnersAsync(actor, id, ct)).Value!, outcome.Value!.Id, ct)).Single());
    }

    private static async Task<Results<Ok<EnrolmentStatus>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        int id, int enrolmentId, AnswerInput input, ClaimsPrincipal user, AppDbContext db, ProgrammeService programmes, CancellationToken ct) =>
        (await programmes.AnswerAsync(await user.GetActorAsync(db, ct), id, enrolmentId, input.Accept, ct)).Reply(e => e.Status);

    private static async Task<Results<Ok<MilestoneDto>, ValidationProblem, ProblemHttpResult>> AddMilestoneAsync(
        int id, MilestoneInput input, ClaimsPrincipal user, AppDbContext db, ProgrammeService programmes, CancellationToken ct) =>
        (await programmes.AddMilestoneAsync(await user.GetActorAsync(db, ct), id, input, ct)).Reply(programmes.ToDto);

    private static async Task<Results<Ok<DateTimeOffset>, ValidationProblem, ProblemHttpResult>> MarkAsync(
        int id, int enrolmentId, int milestoneId, MarkInput input, ClaimsPrincipal user, AppDbContext db, ProgrammeService programmes, CancellationToken ct) =>
        (await programmes.MarkAsync(await user.GetActorAsync(db, ct), id, enrolmentId, milestoneId, input.Note, ct)).Reply(m => m.MarkedAt);

    private static async Task<Results<Ok<EnrolmentProgressDto>, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        int id, int enrolmentId, ClaimsPrincipal user, AppDbContext db, ProgrammeService programmes, CancellationToken ct) =>
        (await programmes.CompleteAsync(await user.GetActorAsync(db, ct), id, enrolmentId, ct)).Reply(p => p);

    private static async Task<Results<Ok<ConversationOpenedDto>, ValidationProblem, ProblemHttpResult>> ConversationAsync(
        int id, int enrolmentId, ClaimsPrincipal user, AppDbContext db, ProgrammeMentoring mentoring, CancellationToken ct) =>
        (await mentoring.OpenAsync(await user.GetActorAsync(db, ct), id, enrolmentId, ct)).Reply(c => c);

    private static async Task<Results<Ok<List<EnrolmentProgressDto>>, ValidationProblem, ProblemHttpResult>> MineAsync(
        int orgId, ClaimsPrincipal user, AppDbContext db, ProgrammeService programmes, CancellationToken ct) =>
        (await programmes.MineAsync(await user.GetActorAsync(db, ct), orgId, ct)).Reply(m => m);

    private static async Task<Ok<List<CompletedProgrammeDto>>> CompletedAsync(int orgId, ProgrammeService programmes, CancellationToken ct) =>
        TypedResults.Ok(await programmes.CompletedAsync(orgId, ct));
}
