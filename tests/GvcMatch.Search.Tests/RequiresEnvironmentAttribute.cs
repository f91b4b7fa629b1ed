using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("GvcMatch.Search.Tests.EnvironmentGatedTestFramework", "GvcMatch.Search.Tests")]

namespace GvcMatch.Search.Tests;

/// <summary>
/// Marks a test class that needs an outside service (an Elasticsearch node) named by an
/// environment variable. Without the variable, every test of the class, inherited ones included,
/// is reported as skipped with <see cref="Reason"/>, rather than failing or silently passing.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable, string reason) : Attribute
{
    public string Variable { get; } = variable;
    public string Reason { get; } = reason;
}

/// <summary>
/// xunit 2 has no way to skip at run time, and a class cannot add a Skip to the [Fact]s it
/// inherits (the shared provider contract), so the gate is applied when tests are discovered.
/// </summary>
public sealed class EnvironmentGatedTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider sources, IMessageSink sink)
        : XunitTestFrameworkDiscoverer(assembly, sources, sink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var gate = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute).AssemblyQualifiedName).FirstOrDefault();
            if (gate is null) return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            var arguments = gate.GetConstructorArguments().Cast<string>().ToList();
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(arguments[0])))
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            if (!testMethod.Method.GetCustomAttributes(typeof(FactAttribute).AssemblyQualifiedName).Any()) return true;
            var skipped = new EnvironmentSkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, arguments[1]);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}

/// <summary>A test case reported as skipped because its environment is missing; it never runs.</summary>
public sealed class EnvironmentSkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public EnvironmentSkippedTestCase() { }

    public EnvironmentSkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string reason)
        : base(sink, display, options, method) => _reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        data.AddValue("EnvironmentSkipReason", _reason);
        base.Serialize(data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("EnvironmentSkipReason");
        base.Deserialize(data);
    }
}
