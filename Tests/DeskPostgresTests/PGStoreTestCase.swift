import XCTest
import DeskTestSupport

/// A test case of the PostgreSQL stores: the databases each test makes are dropped when it ends.
class PGStoreTestCase: XCTestCase {
    override func invokeTest() {
        TestBackend.droppingDatabases { super.invokeTest() }
    }
}
