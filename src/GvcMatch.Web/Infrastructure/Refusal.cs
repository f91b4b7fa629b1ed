using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// Why a service refused an action, the one refusal type of the whole app. It is phrased in HTTP
/// terms because the API is the strictest reader: the API answers it as ProblemDetails
/// (400/403/404/409/412/428), a page turns it into form errors, NotFound or Forbid, and the hub
/// sends its <see cref="Code"/>. So every path applies the very same rules.
/// </summary>
public sealed record Refusal(int Status, string Detail, IDictionary<string, string[]>? Fields = null)
{
    public static Refusal Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, message, new Dictionary<string, string[]> { [field] = [message] });

    public static Refusal Invalid(Errors errors) => Invalid(errors.ToDictionary());

    public static Refusal Invalid(IDictionary<string, string[]> fields) =>
        new(StatusCodes.Status400BadRequest, string.Join(" ", fields.SelectMany(e => e.Value)), fields);

    /// <param name="what">"The bid", "The requirement": the detail says "… was not found."</param>
    public static Refusal NotFound(string what) => new(StatusCodes.Status404NotFound, $"{what} was not found.");
    public static Refusal Forbidden(string detail) => new(StatusCodes.Status403Forbidden, detail);
    public static Refusal Conflict(string detail) => new(StatusCodes.Status409Conflict, detail);

    /// <summary>The caller edited a version that someone else has since replaced (a stale If-Match or form stamp).</summary>
    public static Refusal Stale(string detail) => new(StatusCodes.Status412PreconditionFailed, detail);

    /// <summary>The change needs the caller to say which version it edits, and it did not.</summary>
    public static Refusal StampRequired(string detail) => new(StatusCodes.Status428PreconditionRequired, detail);

    public bool IsInvalid => Status == StatusCodes.Status400BadRequest;
    public bool IsNotFound => Status == StatusCodes.Status404NotFound;
    public bool IsForbidden => Status == StatusCodes.Status403Forbidden;

    /// <summary>The first field the refusal is about, if any.</summary>
    public string? Field => Fields?.Keys.FirstOrDefault();

    /// <summary>Field errors for a form; refusals that are not about one field go under "".</summary>
    public IDictionary<string, string[]> ForForm() => Fields ?? new Dictionary<string, string[]> { [""] = [Detail] };

    /// <summary>The hub protocol's error code.</summary>
    public string Code => Status switch
    {
        StatusCodes.Status400BadRequest => "invalid",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status412PreconditionFailed => "precondition_failed",
        StatusCodes.Status428PreconditionRequired => "precondition_required",
        _ => "conflict",
    };

    /// <summary>One line for a hub error or a banner: the detail, then each field's first message.</summary>
    public string Describe() => Fields is not { Count: > 0 } || Fields.Count == 1 && Fields.First().Value.FirstOrDefault() == Detail
        ? Detail
        : $"{Detail} " + string.Join("; ", Fields.Select(f => $"{f.Key}: {f.Value.FirstOrDefault()}"));

    /// <summary>The ProblemDetails for a refusal that is not about fields (answer <see cref="ToValidationProblem"/> for 400).</summary>
    public ProblemHttpResult ToProblem() => Status switch
    {
        StatusCodes.Status400BadRequest => TypedResults.Problem(Detail, statusCode: Status, title: "Invalid"),
        StatusCodes.Status404NotFound => TypedResults.Problem(Detail, statusCode: Status, title: "Not found"),
        StatusCodes.Status403Forbidden => Problems.Forbidden(Detail),
        StatusCodes.Status412PreconditionFailed => TypedResults.Problem(Detail, statusCode: Status, title: "Precondition failed"),
        StatusCodes.Status428PreconditionRequired => TypedResults.Problem(Detail, statusCode: Status, title: "Precondition required"),
        _ => Problems.Conflict(Detail),
    };

    public ValidationProblem ToValidationProblem() => Problems.Invalid(ForForm());
}

/// <summary>A service result: the value, or the refusal.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal)
{
    public bool Ok => Refusal is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}

/// <summary>Short-hands for a service's answer where the target type does not convert by itself (in a conditional, say).</summary>
public static class Outcome
{
    public static Outcome<T> Done<T>(T value) => value;
    public static Outcome<T> Invalid<T>(string field, string message) => Refusal.Invalid(field, message);
    public static Outcome<T> Invalid<T>(Errors errors) => Refusal.Invalid(errors);
    public static Outcome<T> NotFound<T>(string what) => Refusal.NotFound(what);
    public static Outcome<T> Forbidden<T>(string detail) => Refusal.Forbidden(detail);
    public static Outcome<T> Conflict<T>(string detail) => Refusal.Conflict(detail);
}

public static class OutcomeResults
{
    /// <summary>200 with the value, or the refusal's ProblemDetails.</summary>
    public static Results<Ok<TDto>, ValidationProblem, ProblemHttpResult> Reply<T, TDto>(this Outcome<T> outcome, Func<T, TDto> map) =>
        outcome.Refusal switch
        {
            null => TypedResults.Ok(map(outcome.Value!)),
            { IsInvalid: true } r => r.ToValidationProblem(),
            var r => r.ToProblem(),
        };

    /// <summary>200 with the value and its ETag, or the refusal's ProblemDetails.</summary>
    public static Results<Ok<TDto>, ValidationProblem, ProblemHttpResult> Reply<T, TDto>(this Outcome<T> outcome, HttpResponse response,
        Func<T, Guid> stamp, Func<T, TDto> map)
    {
        if (outcome.Refusal is { } refused) return refused.IsInvalid ? refused.ToValidationProblem() : refused.ToProblem();
        response.Tag(stamp(outcome.Value!));
        return TypedResults.Ok(map(outcome.Value!));
    }

    /// <summary>201 with the new resource, its address and its ETag, or the refusal's ProblemDetails.</summary>
    public static Results<Created<TDto>, ValidationProblem, ProblemHttpResult> ReplyCreated<T, TDto>(this Outcome<T> outcome, HttpResponse response,
        Func<T, Guid> stamp, Func<T, string> location, Func<T, TDto> map)
    {
        if (outcome.Refusal is { } refused) return refused.IsInvalid ? refused.ToValidationProblem() : refused.ToProblem();
        response.Tag(stamp(outcome.Value!));
        return TypedResults.Created(location(outcome.Value!), map(outcome.Value!));
    }

    /// <summary>204, or the refusal's ProblemDetails.</summary>
    public static Results<NoContent, ValidationProblem, ProblemHttpResult> ReplyNoContent<T>(this Outcome<T> outcome) => outcome.Refusal switch
    {
        null => TypedResults.NoContent(),
        { IsInvalid: true } r => r.ToValidationProblem(),
        var r => r.ToProblem(),
    };
}
