package io.kasa.service.office;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the back office's HTML pages or assets. Kept apart from the API's routes: pages are
 * not part of the OpenAPI document (what a page does, a documented {@code /v1} route does too).
 *
 * @param method the HTTP method
 * @param path the path, with {name} parameters
 * @param handler what answers it
 */
public record Page(HandlerType method, String path, Handler handler) {}
