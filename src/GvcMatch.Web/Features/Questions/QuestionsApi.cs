using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Questions;

public static class QuestionsApi
{
    public static IServiceCollection AddQuestions(this IServiceCollection services) => services.AddScoped<QuestionBoard>();

    public static IEndpointRouteBuilder MapQuestionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/requirements/{id:int}/questions").WithTags("Questions").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("The public questions and answers of a requirement (SMEs and the buyer)");
        group.MapPost("/", AskAsync).WithSummary("Ask the buyer a question every bidder will see (SMEs)");
        group.MapPost("/{qid:int}/answer", AnswerAsync).WithSummary("Answer a question (the buyer's members)");
        return app;
    }

    private static async Task<Results<Ok<List<QuestionDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        int id, ClaimsPrincipal user, AppDbContext db, QuestionBoard board, CancellationToken ct) =>
        (await board.ListAsync(await user.GetActorAsync(db, ct), id, ct)).Reply(list => list);

    private static async Task<Results<Created<QuestionDto>, ValidationProblem, ProblemHttpResult>> AskAsync(
        int id, AskQuestionRequest body, ClaimsPrincipal user, AppDbContext db, QuestionBoard board, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var asked = await board.AskAsync(actor, id, body.Text, ct);
        if (asked.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        var list = await board.ListAsync(actor, id, ct);
        return TypedResults.Created($"/api/requirements/{id}/questions", list.Value!.Single(q => q.Id == asked.Value!.Id));
    }

    private static async Task<Results<Ok<QuestionDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        int id, int qid, AnswerQuestionRequest body, ClaimsPrincipal user, AppDbContext db, QuestionBoard board, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var answered = await board.AnswerAsync(actor, id, qid, body.Answer, ct);
        if (answered.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        var list = await board.ListAsync(actor, id, ct);
        return TypedResults.Ok(list.Value!.Single(q => q.Id == qid));
    }
}
