using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Consortia;

public enum ConsortiumRefusal { Invalid, NotFound, Forbidden, Conflict }

/// <summary>What a consortium operation produced, or why it was refused (with field errors for Invalid).</summary>
public sealed record ConsortiumOutcome<T>(T? Value, ConsortiumRefusal? Refusal = null, string? Detail = null, IDictionary<string, string[]>? Fields = null)
{
    public bool Ok => Refusal is null;

    /// <summary>A refusal other than Invalid as the API answers it: 403, 404 or 409 ProblemDetails.</summary>
    public ProblemHttpResult AsProblem() => Refusal switch
    {
        ConsortiumRefusal.NotFound => Problems.NotFound(Detail ?? "The consortium"),
        ConsortiumRefusal.Forbidden => Problems.Forbidden(Detail ?? "Forbidden."),
        ConsortiumRefusal.Conflict => Problems.Conflict(Detail ?? "Conflict."),
        _ => throw new InvalidOperationException("Not a problem refusal."),
    };

    /// <summary>The refusal in one line, for a page's error banner.</summary>
    public string Message => Fields is { Count: > 0 } ? string.Join(" ", Fields.SelectMany(f => f.Value))
        : Refusal == ConsortiumRefusal.NotFound ? $"{Detail} was not found." : Detail ?? "";
}

/// <summary>Short-hands for building outcomes.</summary>
public static class Outcome
{
    public static ConsortiumOutcome<T> Done<T>(T value) => new(value);

    public static ConsortiumOutcome<T> Invalid<T>(string field, string message) =>
        new(default, ConsortiumRefusal.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });

    public static ConsortiumOutcome<T> Invalid<T>(Errors errors) => new(default, ConsortiumRefusal.Invalid, "Invalid input.", errors.ToDictionary());

    /// <param name="what">"The consortium", "The member": the 404 detail says "… was not found."</param>
    public static ConsortiumOutcome<T> NotFound<T>(string what = "The consortium") => new(default, ConsortiumRefusal.NotFound, what);

    public static ConsortiumOutcome<T> Forbidden<T>(string detail) => new(default, ConsortiumRefusal.Forbidden, detail);

    public static ConsortiumOutcome<T> Conflict<T>(string detail) => new(default, ConsortiumRefusal.Conflict, detail);
}
