using GvcMatch.Web.Features.Search;

namespace GvcMatch.Web.Tests.Search;

/// <summary>Reports on the caller's thread, so the callback runs inside the rebuild, not after it.</summary>
internal sealed class InlineProgress(Action<RebuildStatus> report) : IProgress<RebuildStatus>
{
    public void Report(RebuildStatus value) => report(value);
}
