using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Tests.Knowledge;

/// <summary>
/// The knowledge base is data that rules read (issue #6: "kept as data in one place that rules read, with a test that
/// every entry is used or documented"): every entry is described, names are unique, every reference between tables
/// resolves, and every deprecation it records is one a KF5xxx rule reports.
/// </summary>
[TestClass]
public class KnowledgeCompletenessTests
{
    private static IEnumerable<CallableInfo> AllCallables() =>
        PebbleCatalog.FunctionTable.Concat(PebbleCatalog.FilterTable).Concat(PebbleCatalog.TestTable);

    [TestMethod]
    public void Every_function_filter_and_test_is_described_and_unique_in_its_kind()
    {
        AllCallables().Where(c => string.IsNullOrWhiteSpace(c.Description)).Select(c => c.ToString()).ShouldBeEmpty();
        AllCallables().GroupBy(c => (c.Kind, c.Name)).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ShouldBeEmpty();
        PebbleCatalog.RemovedFilterTable.Concat(PebbleCatalog.RemovedTagTable).Where(r => string.IsNullOrWhiteSpace(r.Reason)).Select(r => r.Name).ShouldBeEmpty();
    }

    [TestMethod]
    public void Every_deprecated_or_removed_callable_points_at_a_current_one_of_its_kind()
    {
        var wrong = AllCallables().Where(c => c.Deprecated)
            .Where(c => c.Replacement is null || KestraKnowledge.FindCallable(c.Kind, c.Replacement) is not { Deprecated: false })
            .Select(c => c.ToString()).ToList();
        wrong.ShouldBeEmpty("a deprecated callable needs a replacement that exists and is not deprecated itself (KF5004 renames to it)");
        AllCallables().Where(c => !c.Deprecated && c.Replacement is not null).Select(c => c.ToString()).ShouldBeEmpty("only deprecated entries name a replacement");
        PebbleCatalog.RemovedFilterTable.Where(r => r.Replacement is not null && !KestraKnowledge.Filters.ContainsKey(r.Replacement))
            .Select(r => r.Name).ShouldBeEmpty();
        PebbleCatalog.RemovedFilterTable.Where(r => KestraKnowledge.Filters.ContainsKey(r.Name)).Select(r => r.Name).ShouldBeEmpty("a removed filter cannot also be available");
        PebbleCatalog.RemovedTagTable.Where(r => KestraKnowledge.IsKeptTag(r.Name)).Select(r => r.Name).ShouldBeEmpty("a removed tag cannot also be kept");
    }

    [TestMethod]
    public void Every_plugin_is_described_and_no_type_or_alias_is_claimed_twice()
    {
        CorePlugins.Table.Where(p => string.IsNullOrWhiteSpace(p.Description)).Select(p => p.Type).ShouldBeEmpty();
        var names = CorePlugins.Table.Select(p => p.Type).Concat(CorePlugins.Table.SelectMany(p => p.Aliases)).ToList();
        names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("a name resolves to one plugin only");
        CorePlugins.Table.Where(p => !p.Type.StartsWith("io.kestra.", StringComparison.Ordinal)).Select(p => p.Type).ShouldBeEmpty();
    }

    [TestMethod]
    public void Every_alias_maps_to_a_known_current_type()
    {
        foreach (var (alias, canonical) in KestraKnowledge.Aliases)
        {
            KestraKnowledge.PluginTypes.ContainsKey(canonical).ShouldBeTrue($"{alias} → {canonical}, which is not a known type");
            KestraKnowledge.ResolveType(alias).IsAlias.ShouldBeTrue();
            KestraKnowledge.PluginTypes.ContainsKey(alias).ShouldBeFalse($"{alias} is both an alias and a type");
        }
        KestraKnowledge.Aliases.Count.ShouldBe(CorePlugins.Table.Sum(p => p.Aliases.Count));
    }

    [TestMethod]
    public void Every_deprecated_plugin_has_a_replacement_and_a_migration_note_for_KF5001()
    {
        var deprecated = CorePlugins.Table.Where(p => p.IsDeprecated).ToList();
        deprecated.ShouldNotBeEmpty();
        deprecated.Where(p => string.IsNullOrWhiteSpace(p.Replacement)).Select(p => p.Type).ShouldBeEmpty();
        deprecated.Where(p => DeprecationFacts.FindPluginNote(p.Type) is null).Select(p => p.Type)
            .ShouldBeEmpty("KF5001 explains how to migrate off each deprecated plugin: add a note to DeprecationFacts.PluginNotes");
        DeprecationFacts.PluginNotes.Where(n => KestraKnowledge.GetPlugin(n.Type) is not { IsDeprecated: true }).Select(n => n.Type)
            .ShouldBeEmpty("a migration note must be about a plugin the table marks deprecated");
        DeprecationFacts.PluginNotes.Where(n => string.IsNullOrWhiteSpace(n.Migration) || string.IsNullOrWhiteSpace(n.Source)).Select(n => n.Type).ShouldBeEmpty();
        DeprecationFacts.RemovedCoreTypes.Keys.Where(t => KestraKnowledge.ResolveType(t).IsKnown).ShouldBeEmpty("a removed type is not resolvable");
    }

    [TestMethod]
    public void Every_deprecated_property_of_the_tables_is_reported_by_a_KF5xxx_rule()
    {
        var missing = new List<string>();
        foreach (var plugin in CorePlugins.Table)
            foreach (var p in plugin.Properties.Values.Where(p => p.Deprecated))
                if (DeprecationFacts.FindProperty(DeprecationScope.Plugin, plugin.Type, p.Name) is null) missing.Add(plugin.Type + "." + p.Name);
        foreach (var p in FlowSchema.FlowProperties.Values.Where(p => p.Deprecated && p.Name != "taskDefaults")) // KF5002
            if (DeprecationFacts.FindProperty(DeprecationScope.Flow, null, p.Name) is null) missing.Add("flow." + p.Name);
        foreach (var p in FlowSchema.TriggerCommonProperties.Values.Where(p => p.Deprecated))
            if (DeprecationFacts.FindProperty(DeprecationScope.Trigger, null, p.Name) is null) missing.Add("trigger." + p.Name);
        foreach (var p in FlowSchema.RetryProperties.Values.Where(p => p.Deprecated))
            if (DeprecationFacts.FindProperty(DeprecationScope.Retry, null, p.Name) is null) missing.Add("retry." + p.Name);
        foreach (var p in FlowSchema.InputCommonProperties.Values.Where(p => p.Deprecated && p.Name != "name")) // KF5003
            missing.Add("input." + p.Name);
        foreach (var type in FlowSchema.InputTypes.Values)
            foreach (var p in type.Properties.Values.Where(p => p.Deprecated))
                if (DeprecationFacts.FindProperty(DeprecationScope.Input, type.Name, p.Name) is null) missing.Add("input " + type.Name + "." + p.Name);
        missing.ShouldBeEmpty("add these to DeprecationFacts.Properties so KF5006 reports them");
    }

    [TestMethod]
    public void Every_deprecation_fact_agrees_with_the_property_tables_and_names_its_source()
    {
        foreach (var fact in DeprecationFacts.Properties)
        {
            fact.Guidance.ShouldNotBeNullOrWhiteSpace();
            fact.Source.ShouldNotBeNullOrWhiteSpace(fact.Name);
            fact.Replacement.ShouldNotBeNullOrWhiteSpace(fact.Name);
            PropertyInfo? declared = fact.Scope switch
            {
                DeprecationScope.Flow => FlowSchema.FlowProperties.GetValueOrDefault(fact.Name),
                DeprecationScope.Trigger => FlowSchema.TriggerCommonProperties.GetValueOrDefault(fact.Name),
                DeprecationScope.Retry => FlowSchema.RetryProperties.GetValueOrDefault(fact.Name),
                DeprecationScope.Input => FlowSchema.InputTypes[fact.TypePrefix!].Properties.GetValueOrDefault(fact.Name),
                _ => KestraKnowledge.PluginTypes.TryGetValue(fact.TypePrefix!, out var plugin) ? plugin.Properties.GetValueOrDefault(fact.Name) : null,
            };
            // Facts about plugins outside the core table (script tasks) have no declaration to agree with.
            if (fact.Scope == DeprecationScope.Plugin && !KestraKnowledge.PluginTypes.ContainsKey(fact.TypePrefix!)) continue;
            declared.ShouldNotBeNull($"{fact.Scope} {fact.TypePrefix} {fact.Name} is not declared in the property tables");
            declared.Deprecated.ShouldBeTrue($"{fact.Name} is deprecated in DeprecationFacts but not in the property tables");
            if (fact.IsPureRename)
            {
                var table = fact.Scope switch
                {
                    DeprecationScope.Trigger => FlowSchema.TriggerCommonProperties,
                    DeprecationScope.Retry => FlowSchema.RetryProperties,
                    DeprecationScope.Input => FlowSchema.InputTypes[fact.TypePrefix!].Properties,
                    _ => KestraKnowledge.PluginTypes[fact.TypePrefix!].Properties,
                };
                bool known = table.ContainsKey(fact.Replacement)
                    || (fact.Scope == DeprecationScope.Plugin && FlowSchema.TriggerCommonProperties.ContainsKey(fact.Replacement));
                known.ShouldBeTrue($"the rename target {fact.Replacement} of {fact.Name} is not a known property");
            }
        }
        DeprecationFacts.Properties.GroupBy(p => (p.Scope, p.TypePrefix, p.Name)).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ShouldBeEmpty();
    }

    [TestMethod]
    public void Every_input_type_and_flow_level_entry_is_described()
    {
        FlowSchema.InputTypes.Values.Where(t => string.IsNullOrWhiteSpace(t.Description)).Select(t => t.Name).ShouldBeEmpty();
        FlowSchema.InputTypes.Values.Where(t => t.Deprecated && (t.Replacement is null || !FlowSchema.InputTypes.TryGetValue(t.Replacement, out var r) || r.Deprecated))
            .Select(t => t.Name).ShouldBeEmpty("a deprecated input type names a current one (KF5005 renames to it)");
        FlowSchema.FlowProperties.Values.Concat(FlowSchema.TaskCommonProperties.Values).Concat(FlowSchema.TriggerCommonProperties.Values)
            .Concat(FlowSchema.InputCommonProperties.Values).Concat(CorePlugins.Table.SelectMany(p => p.Properties.Values))
            .Where(p => p.Deprecated && string.IsNullOrWhiteSpace(p.Replacement)).Select(p => p.Name).ShouldBeEmpty("a deprecated property says what replaces it");
        ContextVariableCatalog.Table.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => v.Name).ShouldBeEmpty();
        ContextVariableCatalog.BuiltinTable.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => v.Name).ShouldBeEmpty();
    }

    [TestMethod]
    public void Names_other_knowledge_tables_use_exist()
    {
        var functions = SecretKnowledge.SecretFunctions.Concat(SecretKnowledge.SensitiveValueFunctions).Concat(SecretKnowledge.ContextDumpFunctions)
            .Concat(SecretKnowledge.RenderFunctions).Concat(SecretKnowledge.DerivingFunctions);
        functions.Where(f => !KestraKnowledge.Functions.ContainsKey(f)).ShouldBeEmpty();
        Visibility.VisibleProperties.Where(v => !KestraKnowledge.PluginTypes.ContainsKey(v.Type)).Select(v => v.Type).ShouldBeEmpty();
        Visibility.VisibleProperties.Where(v => KestraKnowledge.GetProperty(v.Type, v.Property) is null).Select(v => v.Type + "." + v.Property).ShouldBeEmpty();
    }
}
