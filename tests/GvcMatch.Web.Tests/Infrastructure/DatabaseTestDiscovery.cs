using Xunit.Abstractions;
using Xunit.Sdk;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// A test case whose skip reason depends on the concrete test class, not only on the attribute:
/// the same inherited test is skipped on PostgreSQL and still runs on SQLite.
/// </summary>
public sealed class DatabaseTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public DatabaseTestCase() { }

    public DatabaseTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, object[]? arguments = null)
        : base(sink, display, options, method, arguments) { }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute) ?? RequiredServices.SkipReason(TestMethod.TestClass.Class.ToRuntimeType())!;
}

public sealed class DatabaseFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo factAttribute) =>
        [new DatabaseTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method)];
}

public sealed class DatabaseTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo theoryAttribute)
    {
        // A skipped theory is reported once, not once per data row.
        if (RequiredServices.SkipReason(method.TestClass.Class.ToRuntimeType()) is not null)
            return [new DatabaseTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method)];
        return base.Discover(options, method, theoryAttribute);
    }
}
