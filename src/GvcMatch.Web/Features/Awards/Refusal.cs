using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Awards;

/// <summary>
/// Why a service call was refused, in HTTP terms, so the API and the pages share one rule set:
/// the API turns it into ProblemDetails, a page into a form error or a status page.
/// </summary>
public sealed record Refusal(int Status, string Detail, string? Field = null)
{
    public static Refusal NotFound(string what) => new(StatusCodes.Status404NotFound, $"{what} was not found.");
    public static Refusal Forbidden(string detail) => new(StatusCodes.Status403Forbidden, detail);
    public static Refusal Conflict(string detail) => new(StatusCodes.Status409Conflict, detail);
    public static Refusal Invalid(string field, string message) => new(StatusCodes.Status400BadRequest, message, field);

    public bool IsInvalid => Status == StatusCodes.Status400BadRequest;

    public ProblemHttpResult ToProblem() => Status switch
    {
        StatusCodes.Status404NotFound => TypedResults.Problem(Detail, statusCode: Status, title: "Not found"),
        StatusCodes.Status403Forbidden => Problems.Forbidden(Detail),
        _ => Problems.Conflict(Detail),
    };
}

/// <summary>A service result: the value, or the refusal.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal) where T : class
{
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal);
}
