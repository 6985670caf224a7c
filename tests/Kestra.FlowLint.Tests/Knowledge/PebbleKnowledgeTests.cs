using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Tests.Knowledge;

[TestClass]
public class PebbleKnowledgeTests
{
    [TestMethod]
    public void Secret_takes_key_namespace_and_subkey()
    {
        var secret = KestraKnowledge.Functions["secret"];
        secret.ArgumentNames.ShouldBe(new[] { "key", "namespace", "subkey" });
        secret.RequiredArgumentCount.ShouldBe(1);
        secret.Origin.ShouldBe(CallableOrigin.Kestra);
    }

    [TestMethod]
    public void Date_filter_uses_Kestra_argument_order_not_Pebble_order()
    {
        // Pebble's own date filter is (format, existingFormat, timeZone); Kestra's override moves timeZone second.
        KestraKnowledge.Filters["date"].ArgumentNames.ShouldBe(new[] { "format", "timeZone", "existingFormat", "locale" });
        KestraKnowledge.Functions["now"].ArgumentNames.ShouldBe(new[] { "format", "timeZone", "existingFormat", "locale" });
        KestraKnowledge.Filters["dateAdd"].ArgumentNames!.Take(2).ShouldBe(new[] { "amount", "unit" });
    }

    [TestMethod]
    public void Kv_errors_on_missing_by_default_in_1x()
    {
        KestraVersionFacts.KvErrorOnMissingByDefault.ShouldBeTrue();
        KestraKnowledge.Functions["kv"].ArgumentNames.ShouldBe(new[] { "key", "namespace", "errorOnMissing" });
    }

    [TestMethod]
    public void I18n_stays_available_because_Kestra_removed_l18n()
    {
        KestraKnowledge.Functions.ContainsKey("i18n").ShouldBeTrue();
        KestraKnowledge.Functions["i18n"].Origin.ShouldBe(CallableOrigin.PebbleCore);
        KestraKnowledge.Functions.ContainsKey("l18n").ShouldBeFalse();
    }

    [TestMethod]
    [DataRow("include")]
    [DataRow("extends")]
    [DataRow("import")]
    [DataRow("from")]
    [DataRow("embed")]
    [DataRow("flush")]
    [DataRow("parallel")]
    [DataRow("cache")]
    [DataRow("autoescape")]
    public void Removed_tags_are_listed_and_not_kept(string tag)
    {
        KestraKnowledge.RemovedTags.ContainsKey(tag).ShouldBeTrue();
        KestraKnowledge.IsKeptTag(tag).ShouldBeFalse();
    }

    [TestMethod]
    public void Kept_tags_include_control_flow_and_verbatim_but_not_raw()
    {
        foreach (var tag in new[] { "if", "elseif", "else", "endif", "for", "endfor", "set", "macro", "endmacro", "block", "endblock", "filter", "endfilter", "verbatim", "endverbatim" })
            KestraKnowledge.IsKeptTag(tag).ShouldBeTrue(tag);
        // raw is Kestra's single-line regex pre-pass, not a Pebble tag: a multi-line raw block fails.
        KestraKnowledge.IsKeptTag("raw").ShouldBeFalse();
        KestraVersionFacts.RawBlockMustBeSingleLine.ShouldBeTrue();
    }

    [TestMethod]
    public void Removed_filters_carry_their_replacement()
    {
        KestraKnowledge.RemovedFilters["numberformat"].Replacement.ShouldBe("numberFormat");
        KestraKnowledge.RemovedFilters["escape"].Replacement.ShouldBeNull();
        KestraKnowledge.RemovedFilters.ContainsKey("raw").ShouldBeTrue();
        foreach (var removed in KestraKnowledge.RemovedFilters.Keys)
            KestraKnowledge.Filters.ContainsKey(removed).ShouldBeFalse(removed);
        KestraKnowledge.Filters.ContainsKey("numberFormat").ShouldBeTrue();
    }

    [TestMethod]
    public void Deprecated_json_names_point_to_their_replacements()
    {
        KestraKnowledge.Functions["json"].Deprecated.ShouldBeTrue();
        KestraKnowledge.Functions["json"].Replacement.ShouldBe("fromJson");
        KestraKnowledge.Filters["json"].Deprecated.ShouldBeTrue();
        KestraKnowledge.Filters["json"].Replacement.ShouldBe("toJson");
    }

    [TestMethod]
    public void Every_replacement_names_a_live_callable_of_the_same_kind()
    {
        foreach (var c in KestraKnowledge.Functions.Values.Concat(KestraKnowledge.Filters.Values).Where(c => c.Deprecated))
        {
            c.Replacement.ShouldNotBeNull(c.Name);
            var target = KestraKnowledge.FindCallable(c.Kind, c.Replacement!);
            target.ShouldNotBeNull(c.Name + " -> " + c.Replacement);
            target!.Deprecated.ShouldBeFalse();
        }
    }

    [TestMethod]
    public void Later_filters_of_1x_are_known()
    {
        foreach (var name in new[] { "distinct", "string", "timestampMilli", "regexMatch", "regexReplace", "regexExtract", "sha1", "md5", "toIon" })
            KestraKnowledge.Filters.ContainsKey(name).ShouldBeTrue(name);
    }

    [TestMethod]
    public void Null_argument_names_mean_unchecked_and_are_kept_distinct_from_empty()
    {
        // lower has no getArgumentNames(): Pebble ignores extra positional args; flatten declares an empty list: any arg fails.
        KestraKnowledge.Filters["lower"].ArgumentNames.ShouldBeNull();
        KestraKnowledge.Filters["flatten"].ArgumentNames.ShouldNotBeNull();
        KestraKnowledge.Filters["flatten"].ArgumentNames!.Count.ShouldBe(0);
        KestraKnowledge.Functions["max"].IsVarArgs.ShouldBeTrue();
    }

    [TestMethod]
    public void Tests_are_known()
    {
        KestraKnowledge.Tests.Keys.OrderBy(k => k, StringComparer.Ordinal)
            .ShouldBe(new[] { "defined", "empty", "even", "iterable", "json", "map", "null", "odd" });
    }

    [TestMethod]
    public void Context_roots_cover_the_documented_variables()
    {
        foreach (var root in new[] { "envs", "globals", "flow", "vars", "task", "taskrun", "trigger", "parents", "parent", "execution", "outputs", "tasks", "inputs", "labels", "namespace", "kestra" })
            KestraKnowledge.ContextVariables.ContainsKey(root).ShouldBeTrue(root);
        KestraKnowledge.ContextVariables["namespace"].Availability.ShouldBe(ContextAvailability.EnterpriseOnly);
        KestraKnowledge.ContextVariables["flow"].Attributes.ShouldContain("tenantId");
        KestraKnowledge.ContextVariables["inputs"].IsOpenEnded.ShouldBeTrue();
        KestraKnowledge.PebbleBuiltins["loop"].Attributes.ShouldContain("revindex");
    }

    [TestMethod]
    public void Required_counts_never_exceed_declared_names()
    {
        foreach (var c in KestraKnowledge.Functions.Values.Concat(KestraKnowledge.Filters.Values))
            if (c.ArgumentNames != null)
                c.RequiredArgumentCount.ShouldBeLessThanOrEqualTo(c.ArgumentNames.Count, c.Name);
    }
}
