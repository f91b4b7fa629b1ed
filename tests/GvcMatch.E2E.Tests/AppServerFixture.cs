using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Features.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.E2E.Tests;

/// <summary>No demo data, and one SME owner created through the Registration service.</summary>
public sealed class AppServerFixture : BrowserServerFixture
{
    public const string SmePassword = "Browser-Test-1";

    public string SmeEmail { get; } = $"owner-{Guid.NewGuid():N}@browser-test.example";
    public int SmeOrganizationId { get; private set; }

    protected override bool SeedDemoData => false;

    protected override async Task PrepareAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var registration = scope.ServiceProvider.GetRequiredService<Registration>();
        var (user, errors) = await registration.RegisterAsync(new RegisterRequest(SmeEmail, SmePassword, "Browser Test Owner", new OrganizationInput
        {
            Name = "Precision Parts Browser Test", Kind = OrganizationKind.Sme, Country = "PT", City = "Porto", SizeBand = SizeBand.Small,
        }), CancellationToken.None);
        if (user?.OrganizationId is not { } orgId) throw new InvalidOperationException("Registration failed: " + string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        SmeOrganizationId = orgId;
    }
}
