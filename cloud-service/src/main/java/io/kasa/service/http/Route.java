package io.kasa.service.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the API. The application registers exactly the routes of its table, so the contract
 * test can compare the table with the OpenAPI document.
 *
 * @param method the HTTP method
 * @param path the path, with {name} parameters as in OpenAPI
 * @param handler what answers it
 */
public record Route(HandlerType method, String path, Handler handler) {}
