using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Email;

/// <summary>
/// Turns a site path into the absolute link an email carries. <c>Email:LinkBaseUrl</c> when set
/// (required in Production, see <see cref="EmailOptionsValidation"/>); otherwise, in Development and
/// the embedded mode, the address the current request came in on, so a developer's emailed link
/// opens the app they are running. Production never uses the request's Host header: a caller
/// could set it to their own site to harvest reset links.
/// </summary>
public sealed class EmailLinks(IOptions<EmailOptions> options, IHttpContextAccessor http)
{
    /// <summary>The site address links start with, or null when there is neither a setting nor a request.</summary>
    public string? BaseUrl =>
        options.Value.LinkBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/')
        : http.HttpContext?.Request is { Host.HasValue: true } request ? $"{request.Scheme}://{request.Host}{request.PathBase}"
        : null;

    public string Absolute(string path) => Join(BaseUrl, path);

    public static string Join(string? baseUrl, string path) =>
        baseUrl is null || path.Contains("://", StringComparison.Ordinal) ? path : baseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}

/// <summary>
/// In Production emails must not carry links built from a request, so <c>Email:LinkBaseUrl</c> is
/// required there and the app does not start without it.
/// </summary>
public sealed class EmailOptionsValidation(IHostEnvironment environment) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options) =>
        environment.IsProduction() && string.IsNullOrWhiteSpace(options.LinkBaseUrl)
            ? ValidateOptionsResult.Fail("Email:LinkBaseUrl is required in Production: the absolute address of the site (e.g. https://gvcmatch.example.org), put before the links in emails.")
            : ValidateOptionsResult.Success;
}
