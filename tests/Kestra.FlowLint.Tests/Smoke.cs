[TestClass] public class Smoke { [TestMethod] public void Runs() => 1.ShouldBe(1); }
