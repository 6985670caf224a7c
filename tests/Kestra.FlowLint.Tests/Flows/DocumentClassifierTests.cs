using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Tests.Flows;

[TestClass]
public class DocumentClassifierTests
{
    [TestMethod]
    [DataRow("id: a\nnamespace: b\n", DocumentKind.Flow)]
    [DataRow("id: a\ntasks: []\n", DocumentKind.Flow)]
    [DataRow("id: a\ntriggers: []\n", DocumentKind.Flow)]
    [DataRow("id: a\nname: not a flow\n", DocumentKind.Other)]
    [DataRow("namespace: b\ntasks: []\n", DocumentKind.Flow)]
    [DataRow("namespace: b\ntriggers: []\n", DocumentKind.Flow)]
    [DataRow("namespace: b\nname: not a flow\n", DocumentKind.Other)]
    [DataRow("kestra:\n  encryption:\n    secret-key: x\n", DocumentKind.KestraConfiguration)]
    [DataRow("kestra.encryption.secret-key: x\n", DocumentKind.KestraConfiguration)]
    [DataRow("micronaut:\n  server:\n    port: 8080\nkestra:\n  repository:\n    type: h2\n", DocumentKind.KestraConfiguration)]
    [DataRow("kestra: not-a-mapping\n", DocumentKind.Other)]
    [DataRow("services:\n  kestra:\n    image: kestra/kestra\n    environment:\n      KESTRA_CONFIGURATION: |\n        kestra:\n          repository:\n            type: postgres\n", DocumentKind.ComposeWithKestraConfiguration)]
    [DataRow("services:\n  kestra:\n    environment:\n      - \"KESTRA_CONFIGURATION=kestra: {repository: {type: h2}}\"\n", DocumentKind.ComposeWithKestraConfiguration)]
    [DataRow("services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: k3str4\n", DocumentKind.Other)]
    [DataRow("name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n", DocumentKind.Other)]
    [DataRow("name: My action\ndescription: d\nruns:\n  using: composite\n  steps: []\n", DocumentKind.Other)]
    [DataRow("- id: flowlint\n  name: FlowLint\n  entry: flowlint check\n", DocumentKind.Other)]
    [DataRow("just a string\n", DocumentKind.Other)]
    public void Classifies_documents(string yaml, DocumentKind expected)
    {
        var stream = YamlParser.Parse(new SourceText(yaml, "x.yaml"));
        DocumentClassifier.Classify(stream.Documents.Single()).ShouldBe(expected);
    }

    [TestMethod]
    public void Embedded_configuration_maps_positions_into_the_compose_file()
    {
        const string yaml = "services:\n  kestra:\n    environment:\n      KESTRA_CONFIGURATION: |\n        kestra:\n          encryption:\n            secret-key: abc\n";
        var text = new SourceText(yaml, "docker-compose.yml");
        var stream = YamlParser.Parse(text);
        var root = (YamlMapping)stream.Documents.Single().Root!;
        var embedded = DocumentClassifier.FindComposeKestraConfigurations(root).Single();
        embedded.ServiceName.ShouldBe("kestra");
        var innerText = new SourceText(embedded.Configuration, text.Path);
        var inner = YamlParser.Parse(innerText);
        var config = new KestraConfigDocument(text, inner, inner.Documents[0], (YamlMapping)inner.Documents[0].Root!, embedded);
        int keyAt = embedded.Configuration.IndexOf("abc", StringComparison.Ordinal);
        var span = config.MapToFile(new TextSpan(keyAt, 3));
        text.ToString(span).ShouldBe("abc");
        text.GetLinePosition(span.Start).ShouldBe(new LinePosition(6, 24));
    }
}
