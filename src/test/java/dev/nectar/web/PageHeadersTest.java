package dev.nectar.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The pages may run only this server's scripts; WebPagesIT shows they still work under that policy. */
@QuarkusTest
class PageHeadersTest {

    @Test
    void pagesAndTheirAssetsCarryTheContentSecurityPolicy() {
        for (String path : new String[]{"/", "/chat.html", "/agent.html", "/console.html", "/assets/js/chat.js"}) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-eval")))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
    }
}
