using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Bids;

public static partial class BidsApi
{
    public static IServiceCollection AddBids(this IServiceCollection services)
    {
        services.AddOptions<BidOptions>().BindConfiguration(BidOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BidDocumentStore>();
        services.AddScoped<BidReads>();
        services.AddScoped<BidService>();
        return services;
    }

    public static IEndpointRouteBuilder MapBidsApi(this IEndpointRouteBuilder app)
    {
        var requirements = app.MapGroup("/api/requirements/{id:int}/bids").WithTags("Bids").RequireAuthorization();
        requirements.MapPost("/", CreateAsync).Accepts<BidInput>("application/json").WithSummary("Start a draft bid (alone, or for a consortium your organisation leads)");
        requirements.MapGet("/", ForBuyerAsync).WithSummary("The submitted bids on your requirement, after its deadline (buyer only)");

        var bids = app.MapGroup("/api/bids").WithTags("Bids").RequireAuthorization();
        bids.MapGet("/mine", MineAsync).WithSummary("Your organisation's bids and those of consortia it belongs to");
        bids.MapGet("/{id:int}", GetAsync).WithSummary("One bid: its party always, the buyer only after the deadline");
        bids.MapPut("/{id:int}", UpdateAsync).Accepts<BidInput>("application/json")
            .WithSummary("Edit a bid until the deadline (a submitted bid needs If-Match with its ETag)");
        bids.MapPost("/{id:int}/submit", (int id, HttpResponse rs, ClaimsPrincipal u, AppDbContext db, BidService s, BidReads r, TimeProvider c, CancellationToken ct) =>
            ChangeAsync(id, rs, u, db, r, c, ct, actor => s.SubmitAsync(actor, id, ct))).WithSummary("Submit a complete bid");
        bids.MapPost("/{id:int}/withdraw", (int id, HttpResponse rs, ClaimsPrincipal u, AppDbContext db, BidService s, BidReads r, TimeProvider c, CancellationToken ct) =>
            ChangeAsync(id, rs, u, db, r, c, ct, actor => s.WithdrawAsync(actor, id, ct))).WithSummary("Withdraw a bid");
        MapDocuments(bids);
        return app;
    }

    private static async Task<Results<Created<BidDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        int id, HttpRequest request, ClaimsPrincipal user, AppDbContext db, BidService service, BidReads reads, TimeProvider clock,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (input, bad) = await ReadInputAsync(request, json.Value.SerializerOptions, ct);
        if (bad is not null) return bad;
        var actor = await user.GetActorAsync(db, ct);
        var created = await service.CreateAsync(actor, id, input!, ct);
        if (created.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        var view = await reads.ReadAsync(actor, created.Value!.Id, ct);
        request.HttpContext.Response.Tag(created.Value.ConcurrencyStamp);
        return TypedResults.Created($"/api/bids/{created.Value.Id}", BidDto.From(view.Value!, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<BidDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, HttpRequest request, ClaimsPrincipal user, AppDbContext db, BidService service, BidReads reads, TimeProvider clock,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (input, bad) = await ReadInputAsync(request, json.Value.SerializerOptions, ct);
        if (bad is not null) return bad;
        return await ChangeAsync(id, request.HttpContext.Response, user, db, reads, clock, ct, actor => service.UpdateAsync(actor, id, input!, IfMatch.From(request), ct));
    }

    /// <summary>Runs a change and answers the bid as the caller may read it, with its new ETag.</summary>
    private static async Task<Results<Ok<BidDto>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        int id, HttpResponse response, ClaimsPrincipal user, AppDbContext db, BidReads reads, TimeProvider clock, CancellationToken ct, Func<Actor?, Task<Outcome<Bid>>> change)
    {
        var actor = await user.GetActorAsync(db, ct);
        var changed = await change(actor);
        if (changed.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        return (await reads.ReadAsync(actor, id, ct)).Reply(response, v => v.Bid.ConcurrencyStamp, v => BidDto.From(v, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<BidDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        int id, HttpResponse response, ClaimsPrincipal user, AppDbContext db, BidReads reads, TimeProvider clock, CancellationToken ct) =>
        (await reads.ReadAsync(await user.GetActorAsync(db, ct), id, ct)).Reply(response, v => v.Bid.ConcurrencyStamp, v => BidDto.From(v, clock.GetUtcNow()));

    private static async Task<Results<Ok<List<BidDto>>, ValidationProblem, ProblemHttpResult>> ForBuyerAsync(
        int id, ClaimsPrincipal user, AppDbContext db, BidReads reads, TimeProvider clock, CancellationToken ct) =>
        (await reads.ForBuyerAsync(await user.GetActorAsync(db, ct), id, ct)).Reply(x => x.Bids.Select(v => BidDto.From(v, clock.GetUtcNow())).ToList());

    private static async Task<Ok<List<BidSummaryDto>>> MineAsync(ClaimsPrincipal user, AppDbContext db, BidReads reads, CancellationToken ct) =>
        TypedResults.Ok((await reads.MineAsync(await user.GetActorAsync(db, ct), ct)).Select(v => v.Summary()).ToList());

    /// <summary>
    /// The body is read here rather than bound, so that a field the bid does not have (a "weight"
    /// above all: weights are the buyer's) is answered with a 400 naming it, not a bare 400.
    /// </summary>
    private static async Task<(BidInput?, ValidationProblem?)> ReadInputAsync(HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
    {
        if (!request.HasJsonContentType()) return (null, Problems.Invalid("body", "Send the bid as application/json."));
        try
        {
            var input = await JsonSerializer.DeserializeAsync<BidInput>(request.Body, options, ct);
            if (input is null) return (null, Problems.Invalid("body", "Send the bid as a JSON object."));
            var nulls = new Errors();
            NullInput.Check(input, options, nulls);
            return nulls.Any ? (null, Problems.Invalid(nulls.ToDictionary())) : (input, null);
        }
        catch (JsonException e)
        {
            var path = (e.Path ?? "").TrimStart('$', '.');
            if (UnmappedMember().Match(e.Message) is { Success: true } m)
            {
                var name = m.Groups[1].Value;
                // The path names either the object holding the field or the field itself, depending on where the reader stopped.
                var field = path.Length == 0 ? name : path == name || path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}";
                return (null, Problems.Invalid(field, name.StartsWith("weight", StringComparison.OrdinalIgnoreCase)
                    ? $"A bid carries no weights: '{name}' is refused. The weights are the ones the buyer published."
                    : $"Unknown field '{name}'."));
            }
            return (null, Problems.Invalid(path.Length == 0 ? "body" : path, "The value is not valid here: " + e.Message.Split(". Path")[0]));
        }
    }

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();
}
