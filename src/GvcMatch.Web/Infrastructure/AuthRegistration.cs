using System.Threading.RateLimiting;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Hubs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Infrastructure;

public static class AuthRegistration
{
    public const string AuthRateLimit = "auth";
    /// <summary>The default scheme: picks the bearer handler or the cookie per request (public so a test host can add a scheme in front).</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    /// <summary>
    /// Identity with two ways in: the cookie for the pages and a bearer token for API clients.
    /// A policy scheme picks the bearer handler when the request carries an Authorization header,
    /// or, on the hub path only, an <c>access_token</c> query value: browsers cannot set headers on
    /// a WebSocket, so hub clients pass the token there (only there, to keep tokens out of
    /// ordinary URLs and logs). Both ways check the session on top of the credential
    /// (<see cref="SessionValidator"/>): a password change, a removal from the organisation or a
    /// lockout ends tokens, cookies and hub connections within <see cref="SessionCheckOptions.CheckInterval"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAppAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = http =>
                    http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    || HubAccessToken(http.Request) is not null
                        ? BearerSessionHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerSessionHandler>(BearerSessionHandler.SchemeName, null)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
                o.Events.OnMessageReceived = ctx =>
                {
                    if (string.IsNullOrEmpty(ctx.Token) && HubAccessToken(ctx.Request) is { } token) ctx.Token = token;
                    return Task.CompletedTask;
                })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Identity/Account/Login";
            o.LogoutPath = "/Identity/Account/Logout";
            o.AccessDeniedPath = "/Identity/Account/AccessDenied";
            // API callers get status codes, not redirects to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
            // Identity's stamp check (which also renews the cookie's claims), then the shared session check.
            o.Events.OnValidatePrincipal = async ctx =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(ctx);
                if (ctx.Principal is null) return;
                var sessions = ctx.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
                if (await sessions.CheckAsync(ctx.Principal, ctx.HttpContext.RequestAborted) is not null)
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        services.AddOptions<SessionCheckOptions>().BindConfiguration(SessionCheckOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptionsMonitor<SessionCheckOptions>, TimeProvider>((o, sessions, clock) =>
        {
            o.ValidationInterval = sessions.CurrentValue.CheckInterval;
            o.TimeProvider = clock;
        });
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<SessionRevocation>();
        services.AddSingleton<HubSessions>();
        services.AddHostedService(sp => sp.GetRequiredService<HubSessions>());
        services.AddSignalR(o => o.AddFilter<HubSessions>());
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<RefreshTokenStore>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<AccountDeletion>();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthorization();

        // Keys live in the database so cookies and tokens survive restarts and work across instances.
        services.AddDataProtection().SetApplicationName("GvcMatch").PersistKeysToDbContext<AppDbContext>();

        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString();
                return ValueTask.CompletedTask;
            };
            // One policy for every door that checks a password or creates an account: the API
            // endpoints and the account pages share one allowance per client address. Showing a
            // page (GET, HEAD) is free; only the attempts count.
            o.AddPolicy(AuthRateLimit, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.AuthPermitsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    /// <summary>The access_token query value of a request to the negotiation hub, if any.</summary>
    private static string? HubAccessToken(HttpRequest request) =>
        request.Path.StartsWithSegments(Hubs.NegotiationHub.Path) && request.Query["access_token"].ToString() is { Length: > 0 } token ? token : null;

    private static Task ApiAwareRedirect(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments(Hubs.NegotiationHub.Path))
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and registration attempts per client address per minute.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int AuthPermitsPerMinute { get; set; } = 30;
}
