using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class SystemLabelAnalyzerTests
{
    [TestMethod]
    public void Flow_labels_as_a_map_may_only_use_system_readOnly() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        labels:
          system.readOnly: true
          {|KF4015:system.username|}: admin
          'system.app': x
          "{|KF4015:system.correlationId|}": y
          systemic: fine
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
        """.Replace("'system.app'", "'{|KF4015:system.app|}'"), "KF4015");

    [TestMethod]
    public void Flow_labels_as_a_list_of_key_value_pairs() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        labels:
          - key: system.readOnly
            value: "true"
          - key: {|KF4015:system.app|}
            value: x
          - key: team
            value: system.app
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
        """, "KF4015");

    [TestMethod]
    public void Triggers_subflows_ForEachItem_and_SLAs_may_set_no_system_label_at_all() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - id: seq
            type: io.kestra.plugin.core.flow.Sequential
            tasks:
              - id: child
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.team
                flowId: other
                labels:
                  {|KF4015:system.readOnly|}: "true"
                  team: data
          - id: items
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            namespace: company.team
            flowId: other
            labels:
              - key: {|KF4015:system.correlationId|}
                value: "{{ execution.id }}"
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
            labels:
              system.app: not a label property of Log
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "@daily"
            labels:
              {|KF4015:system.readOnly|}: "true"
        sla:
          - id: max
            type: MAX_DURATION
            duration: PT1H
            behavior: FAIL
            labels:
              {|KF4015:system.app|}: x
        """, "KF4015");

    [TestMethod]
    public void Labels_shared_through_an_anchor_are_reported_at_the_anchor() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        labels: &labels
          {|KF4015:system.username|}: admin
        tasks:
          - id: child
            type: io.kestra.plugin.core.flow.Subflow
            namespace: company.team
            flowId: other
            labels: {|KF4015:*labels|}
        """, "KF4015");
}
