using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules.Configuration;
using Kestra.FlowLint.Rules.Deprecations;
using Kestra.FlowLint.Rules.Expressions;
using Kestra.FlowLint.Rules.Security;
using Kestra.FlowLint.Rules.Structure;

namespace Kestra.FlowLint.Rules;

/// <summary>
/// Every rule FlowLint ships, listed by hand so no reflection is needed (NativeAOT). A test fails when a
/// rule class exists that is not listed here.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<FlowAnalyzer> CreateAnalyzers() => new FlowAnalyzer[]
    {
        new SecretInLogAnalyzer(),
        new SecretInNotificationAnalyzer(),
        new SecretInScriptAnalyzer(),
        new SecretInUrlAnalyzer(),
        new SecretInputLiteralDefaultAnalyzer(),
        new SecretInputExposedAnalyzer(),
        new SecretInSharedValuesAnalyzer(),
        new TransformedSecretAnalyzer(),
        new RootNamespaceSecretAnalyzer(),
        new SecretInOutputAnalyzer(),
        new SecretInLabelsAnalyzer(),
        new SecretPlacementAnalyzer(),
        new SecretToPlainSubflowInputAnalyzer(),
        new PebbleSyntaxAnalyzer(),
        new RemovedTagAnalyzer(),
        new MultiLineRawAnalyzer(),
        new InvalidYamlAnalyzer(),
        new HardcodedCredentialAnalyzer(),
        new EncryptionKeyAnalyzer(),
        new ClearTextCredentialAnalyzer(),
        new DemoCredentialAnalyzer(),
        new ShortBackendSecretAnalyzer(),
        new SecretIsolationAnalyzer(),
        new ConfigurationFilesKeptAnalyzer(),
        new MissingEncryptionKeyAnalyzer(),
        new SecretCacheLifetimeAnalyzer(),
        new OpenUrlsAnalyzer(),
        new ShutdownTimingAnalyzer(),
        new UndeclaredInputAnalyzer(),
        new UnknownTaskOutputAnalyzer(),
        new UndeclaredVariableAnalyzer(),
        new UnavailableContextAnalyzer(),
        new UnrenderedTemplateAnalyzer(),
        new UnknownCoreTypeAnalyzer(),
        new UnknownPropertyAnalyzer(),
        new DagDependencyAnalyzer(),
        new RecursiveSubflowAnalyzer(),
        new SystemLabelAnalyzer(),
        new EmptyFlowableAnalyzer(),
        new InvalidInputAnalyzer(),
        new InvalidValidatorRegexAnalyzer(),
        new WorkerGroupAnalyzer(),
        new MissingFlowPropertyAnalyzer(),
        new InvalidIdentifierAnalyzer(),
        new DuplicateTaskIdAnalyzer(),
        new DuplicateDeclarationIdAnalyzer(),
        new UnknownFlowPropertyAnalyzer(),
        new MissingTaskIdOrTypeAnalyzer(),
        new DuplicateKeyAnalyzer(),
        new InvalidCronAnalyzer(),
        new InputDependencyAnalyzer(),
        new DeprecatedTypeAnalyzer(),
        new TaskDefaultsAnalyzer(),
        new InputNameAnalyzer(),
        new DeprecatedPebbleCallableAnalyzer(),
        new DeprecatedInputTypeAnalyzer(),
        new DeprecatedPropertyAnalyzer(),
        new UnknownFunctionAnalyzer(),
        new UnknownFilterAnalyzer(),
        new UnknownTestAnalyzer(),
        new WrongArgumentsAnalyzer(),
    };

    /// <summary>Every descriptor: the engine's own (KF0xxx) and each rule's, sorted by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors() => _all ??= CollectDescriptors();

    // Collected once: a check asks for the catalogue four times, and each collection creates every analyzer.
    private static IReadOnlyList<DiagnosticDescriptor>? _all;

    private static IReadOnlyList<DiagnosticDescriptor> CollectDescriptors()
    {
        var all = new List<DiagnosticDescriptor>(EngineDiagnostics.All);
        foreach (var analyzer in CreateAnalyzers()) all.AddRange(analyzer.SupportedDiagnostics);
        all.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return all.ToArray();
    }
}
