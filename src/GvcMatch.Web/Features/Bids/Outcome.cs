using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Bids;

public enum FailureKind { Invalid, NotFound, Forbidden, Conflict }

/// <summary>
/// Why an operation on a bid or a question was refused. The API turns it into ProblemDetails and
/// the pages into messages next to the fields, so both apply the very same rules.
/// </summary>
public sealed record Failure(FailureKind Kind, string Message, IDictionary<string, string[]>? Errors = null)
{
    public static Failure Invalid(string field, string message) =>
        new(FailureKind.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Invalid(Errors errors)
    {
        var all = errors.ToDictionary();
        return new(FailureKind.Invalid, string.Join(" ", all.SelectMany(e => e.Value)), all);
    }

    public static Failure NotFound(string what) => new(FailureKind.NotFound, $"{what} was not found.");
    public static Failure Forbidden(string why) => new(FailureKind.Forbidden, why);
    public static Failure Conflict(string why) => new(FailureKind.Conflict, why);

    /// <summary>Field errors for a form; refusals that are not about one field go under "".</summary>
    public IDictionary<string, string[]> ForForm() => Errors ?? new Dictionary<string, string[]> { [""] = [Message] };

    /// <summary>The ProblemDetails for a refusal that is not about fields (use <see cref="Errors"/> for <see cref="FailureKind.Invalid"/>).</summary>
    public ProblemHttpResult AsProblem() => Kind switch
    {
        FailureKind.Invalid => TypedResults.Problem(Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid"),
        FailureKind.NotFound => TypedResults.Problem(Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        FailureKind.Forbidden => Problems.Forbidden(Message),
        _ => Problems.Conflict(Message),
    };
}

/// <summary>A value, or the reason there is none.</summary>
public readonly record struct Outcome<T>(T? Value, Failure? Failure)
{
    public bool Ok => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}

public static class OutcomeResults
{
    /// <summary>200 with the value, or the failure's ProblemDetails.</summary>
    public static Results<Ok<TDto>, ValidationProblem, ProblemHttpResult> Reply<T, TDto>(this Outcome<T> outcome, Func<T, TDto> map) =>
        outcome.Failure switch
        {
            null => TypedResults.Ok(map(outcome.Value!)),
            { Kind: FailureKind.Invalid } f => Problems.Invalid(f.Errors!),
            var f => f.AsProblem(),
        };
}
