using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// Turns request-shaped failures into ProblemDetails that say what is wrong: malformed JSON names
/// the path and line, a wrong content type is a 415, a lost concurrency race is a 409. Anything
/// else falls through to the generic 500 handler, which never shows a stack trace.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var details = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => Json(json),
            BadHttpRequestException bad when BindFailure().Match(bad.Message) is { Success: true } m => Binding(m),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = Title(bad.StatusCode), Detail = bad.Message },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "The item was changed by someone else. Reload it and try again.",
            },
            _ => null,
        };
        if (details is null) return false;

        http.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    private static ValidationProblemDetails Json(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) ? "body" : json.Path.TrimStart('$', '.');
        if (field.Length == 0) field = "body";
        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
        return new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [$"The JSON value could not be read{where}."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON for this endpoint.",
        };
    }

    /// <summary>
    /// A query or route value of the wrong type (<c>top=ten</c>) is keyed by the parameter's name,
    /// like every other field error, so clients handle it the same way.
    /// </summary>
    private static ValidationProblemDetails Binding(Match failure)
    {
        var type = failure.Groups["type"].Value.TrimEnd('?');
        var expected = type switch
        {
            "int" or "long" or "short" => "a whole number",
            "bool" => "true or false",
            "decimal" or "double" or "float" => "a number",
            _ => $"a valid {type}",
        };
        return new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [failure.Groups["name"].Value] = [$"'{failure.Groups["value"].Value}' is not {expected}."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        };
    }

    // ASP.NET Core's wording for a parameter it could not convert.
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from "(?<value>.*)"\.$""")]
    private static partial Regex BindFailure();

    private static string Title(int status) => status switch
    {
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type: send application/json.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ => "Bad request",
    };
}
